import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseConfig, loadConfig } from "../../server/config.js";

/**
 * A database of its own for one test file: a fresh PostgreSQL database beside DATABASE_URL (CI), or an
 * in-memory PGlite (the default on a newcomer's machine). Never relies on empty tables all the same.
 */
export async function createTestDatabase(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  const base = loadConfig().database;
  if (base.kind !== "postgres")
    return { config: { kind: "pglite", dataDir: "memory://" }, drop: async () => {} };
  const name = `hub_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    config: { kind: "postgres", url: url.toString(), poolSize: 5 },
    async drop() {
      const cleanup = new pg.Client({ connectionString: base.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
