import { fileURLToPath } from "node:url";
import type { BenchEnvironment } from "./bench-environment.js";
import { childBaseEnvironment } from "./bench-environment.js";
import { createBenchDatabase } from "./bench-database.js";
import { type ChildServer, startChildServer } from "./child-server.js";
import { findFreePort } from "./free-port.js";
import { type FoundationSeed, seedFoundation } from "./seed-foundation.js";

/** The repository root: children run from there so `tsx` finds tsconfig.json and the hub finds its files. */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A hub child process on a seeded throwaway database. */
export interface BenchHub extends ChildServer {
  databaseKind: "pglite" | "postgres";
  seed: FoundationSeed;
}

/**
 * Creates a throwaway database (PostgreSQL beside `environment.databaseUrl`, else PGlite in a temporary DATA_DIR),
 * migrates and seeds it here, then starts `server/main.ts` on it in a child process on a free port, with the
 * development provider, no demo seed, no content sync. `stop()` stops the hub and drops the database.
 */
export async function startBenchHub(environment: BenchEnvironment): Promise<BenchHub> {
  const database = await createBenchDatabase(environment.databaseUrl);
  try {
    const seed = await seedFoundation(database.config);
    const port = await findFreePort();
    const child = await startChildServer({
      script: "server/main.ts",
      cwd: REPOSITORY_ROOT,
      url: `http://127.0.0.1:${port}`,
      readyPath: "/readyz",
      nodeFlags: environment.cpuProfileDirectory
        ? ["--cpu-prof", "--cpu-prof-dir", environment.cpuProfileDirectory]
        : [],
      env: {
        ...childBaseEnvironment(),
        ...database.hubEnv,
        NODE_ENV: "development",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: environment.hubLogLevel,
        DEMO_SEED: "false",
        CONTENT_SYNC_ON_START: "false",
      },
    });
    return {
      ...child,
      databaseKind: database.kind,
      seed,
      async stop(graceMs) {
        try {
          await child.stop(graceMs);
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** The bare Apollo Server baseline (`baseline-server.ts`) in a child process on a free port. */
export async function startBaselineServer(): Promise<ChildServer> {
  const port = await findFreePort();
  return startChildServer({
    script: "bench/support/baseline-server.ts",
    args: [String(port)],
    cwd: REPOSITORY_ROOT,
    url: `http://127.0.0.1:${port}`,
    readyPath: "/healthz",
    env: { ...childBaseEnvironment(), NODE_ENV: "development" },
  });
}
