import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { selectBenchmarks } from "./support/select-benchmarks.js";

/**
 * `npm run bench [name...]`: runs every `bench/*.bench.ts` in name order, or the ones named, each in a Node
 * process of its own (a fresh heap and no servers left over from the one before). Exits non-zero if any failed.
 */
const benchDirectory = fileURLToPath(new URL("./", import.meta.url));
const benchmarks = selectBenchmarks(await readdir(benchDirectory), process.argv.slice(2));
const failed: string[] = [];
for (const benchmark of benchmarks) {
  console.log(`\n== ${benchmark}`);
  const child = spawn(process.execPath, ["--import", "tsx", `${benchDirectory}${benchmark}`], {
    stdio: "inherit",
  });
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) {
    failed.push(benchmark);
    console.error(`${benchmark} failed (${signal ?? `exit code ${code}`})`);
  }
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
