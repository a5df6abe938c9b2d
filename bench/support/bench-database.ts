import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../../server/config.js";

/** A database of the benchmark's own, thrown away afterwards. */
export interface BenchDatabase {
  kind: DatabaseConfig["kind"];
  /** How this process opens it (to migrate and seed before the hub starts). */
  config: DatabaseConfig;
  /** The variables that point a hub child at it (and at a temporary DATA_DIR). */
  hubEnv: Record<string, string>;
  /** Drops the database (PostgreSQL) and removes the temporary directory. */
  drop(): Promise<void>;
}

/**
 * A fresh database beside `databaseUrl` when given (like `test/support/test-database.ts`), else a PGlite directory
 * in a temporary DATA_DIR. PGlite is one process per directory: seed it, close it, then start the hub on it.
 */
export async function createBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), "hub-bench-"));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  if (!databaseUrl) {
    return {
      kind: "pglite",
      config: { kind: "pglite", dataDir: `${dataDir}/pglite` },
      hubEnv: { DATA_DIR: dataDir },
      drop: removeDataDir,
    };
  }
  const name = `hub_bench_${randomBytes(5).toString("hex")}`;
  await adminQuery(databaseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    config: { kind: "postgres", url: url.toString(), poolSize: 2 },
    hubEnv: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    async drop() {
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await removeDataDir();
    },
  };
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
