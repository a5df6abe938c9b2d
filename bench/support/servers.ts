import { fileURLToPath } from "node:url";
import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../../server/config.js";
import { openDatabase } from "../../server/db/data-source.js";
import type { BenchEnvironment } from "./bench-environment.js";
import { childBaseEnvironment } from "./bench-environment.js";
import { createBenchDatabase } from "./bench-database.js";
import { type ChildServer, startChildServer } from "./child-server.js";
import { findFreePort } from "./free-port.js";
import { type FoundationSeed, seedFoundation } from "./seed-foundation.js";

/** The repository root: children run from there so `tsx` finds tsconfig.json and the hub finds its files. */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A hub child process on a seeded throwaway database. */
export interface BenchHub<Extra = undefined> extends ChildServer {
  databaseKind: "pglite" | "postgres";
  /** The throwaway PostgreSQL database's URL (PostgreSQL runs only), for baselines that query it directly. */
  databaseUrl?: string;
  seed: FoundationSeed;
  /** What `options.seed` returned (undefined without it). */
  extra: Extra;
  /** How to open the hub's database from the benchmark (PostgreSQL only while the hub runs: PGlite is one process). */
  databaseConfig: DatabaseConfig;
}

/** Optional additions to the foundation seed and the hub's settings. */
export interface BenchHubOptions<Extra> {
  /**
   * More data, written after the foundation seed (the database is migrated by then) and before the hub starts,
   * on a connection that is closed afterwards (PGlite allows one process).
   */
  seed?: (dataSource: DataSource) => Promise<Extra>;
  /** Hub variables to add or override (e.g. `CONTENT_SYNC_ON_START: "true"`). */
  hubEnv?: Record<string, string>;
}

/**
 * Creates a throwaway database (PostgreSQL beside `environment.databaseUrl`, else PGlite in a temporary DATA_DIR),
 * migrates and seeds it here, then starts `server/main.ts` on it in a child process on a free port, with the
 * development provider, no demo seed, no content sync. `stop()` stops the hub and drops the database.
 */
export async function startBenchHub<Extra = undefined>(
  environment: BenchEnvironment,
  options: BenchHubOptions<Extra> = {},
): Promise<BenchHub<Extra>> {
  const database = await createBenchDatabase(environment.databaseUrl);
  try {
    const seed = await seedFoundation(database.config);
    const extra = await seedMore(database.config, options.seed);
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
        ...options.hubEnv,
      },
    });
    return {
      ...child,
      databaseKind: database.kind,
      databaseUrl: database.hubEnv.DATABASE_URL,
      seed,
      extra,
      databaseConfig: database.config,
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

async function seedMore<Extra>(config: DatabaseConfig, seed: BenchHubOptions<Extra>["seed"]): Promise<Extra> {
  if (!seed) return undefined as Extra;
  const database = await openDatabase(config);
  try {
    return await seed(database.dataSource);
  } finally {
    await database.close();
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
