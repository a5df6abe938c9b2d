import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { DataSource } from "typeorm";
import { MIGRATIONS } from "../../migrations/index.js";
import type { DatabaseConfig } from "../config.js";
import { ENTITIES } from "./entities.js";

/** An open database: the TypeORM DataSource plus, on the embedded default, the PGlite instance it owns. */
export interface HubDatabase {
  dataSource: DataSource;
  kind: DatabaseConfig["kind"];
  close(): Promise<void>;
}

/**
 * Opens the database described by `config`: embedded PGlite (one process per directory) or PostgreSQL.
 * The same entities and migrations serve both.
 */
export async function openDatabase(config: DatabaseConfig): Promise<HubDatabase> {
  if (config.kind === "pglite") {
    if (config.dataDir !== "memory://") mkdirSync(config.dataDir, { recursive: true });
    const pglite = await PGlite.create(config.dataDir, { extensions: { pg_trgm } });
    const dataSource = new DataSource({
      type: "postgres",
      extra: createPgConfig(pglite),
      poolSize: 1,
      installExtensions: false,
      uuidExtension: "pgcrypto",
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTableName: "schema_migration",
    });
    await dataSource.initialize();
    return {
      dataSource,
      kind: "pglite",
      async close() {
        await dataSource.destroy();
        await pglite.close();
      },
    };
  }
  const dataSource = new DataSource({
    type: "postgres",
    url: config.url,
    poolSize: config.poolSize,
    installExtensions: false,
    uuidExtension: "pgcrypto",
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: "schema_migration",
    extra: { connectionTimeoutMillis: 3_000, idleTimeoutMillis: 30_000 },
  });
  await dataSource.initialize();
  return {
    dataSource,
    kind: "postgres",
    async close() {
      await dataSource.destroy();
    },
  };
}

/** Applies pending migrations; safe to call from several processes (TypeORM takes a lock per run). */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}
