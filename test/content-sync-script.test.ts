import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm run content:sync` as a person runs it: `scripts/content-sync.ts` in its own process on a temporary PGlite
 * DATA_DIR, reading the real content/. Its output is the progress a person watches: one log line per manual
 * release read and synced, one per syncer, then a summary per syncer.
 */
function runContentSync(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/content-sync.ts"], {
    env: { ...inherited, NODE_ENV: "development", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

/** The JSON log lines of a run (pino), without the plain summary lines. */
function logLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "hub-content-sync-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("npm run content:sync", () => {
  it("prints progress per release and a summary, and is idempotent on a second run", async () => {
    const first = await runContentSync(dataDir);
    expect(first.code, first.stderr).toBe(0);
    const lines = logLines(first.stdout);
    const read = lines.find((line) => line.msg === "manual release read" && line.manual === "cooby-stack");
    expect(read).toMatchObject({ release: "2026.11" });
    expect(read?.pages).toBeGreaterThan(40);
    const synced = lines.find(
      (line) => line.msg === "manual release synced" && line.manual === "cooby-stack",
    );
    expect(synced).toMatchObject({ release: "2026.11", created: read?.pages, revised: 0, archived: 0 });
    expect(lines.some((line) => line.syncer === "manuals" && typeof line.ms === "number")).toBe(true);
    const summary =
      /^manuals: 1 manual\(s\), (\d+) page\(s\): (\d+) created, 0 revised, 0 archived, 0 unchanged$/m.exec(
        first.stdout,
      );
    expect(summary?.[1]).toBe(String(read?.pages));
    expect(summary?.[2]).toBe(String(read?.pages));

    const second = await runContentSync(dataDir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(
      new RegExp(
        `^manuals: 1 manual\\(s\\), ${read?.pages} page\\(s\\): 0 created, 0 revised, 0 archived, ${read?.pages} unchanged$`,
        "m",
      ),
    );
  }, 180_000);
});
