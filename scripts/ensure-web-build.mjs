// Before `npm start`: builds the web app when web/dist is missing or older than its sources, so a newcomer
// never sees a stale or absent UI.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const newest = (directory) =>
  readdirSync(directory, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(directory, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    return Math.max(latest, time);
  }, 0);

const built = "web/dist/index.html";
const sourcesChanged =
  !existsSync(built) ||
  Math.max(newest("web/src"), statSync("web/index.html").mtimeMs) > statSync(built).mtimeMs;
if (sourcesChanged) {
  console.log("Building the web app (web/dist)...");
  execSync("npx vite build --config web/vite.config.ts --logLevel warn", { stdio: "inherit" });
}
