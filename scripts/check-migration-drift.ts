import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadConfig } from "../server/config.js";
import { migrate, openDatabase } from "../server/db/data-source.js";

/**
 * `npm run db:drift`: applies every migration to a fresh database, then asks TypeORM what it would still change
 * to match the entities. Any statement means entities and migrations disagree. Runs against PostgreSQL when
 * DATABASE_URL is set (a throwaway database beside it), else against an in-memory PGlite.
 */
const config = loadConfig();
let cleanup = async () => {};
let databaseConfig = config.database;
if (databaseConfig.kind === "postgres") {
  const adminUrl = databaseConfig.url;
  const name = `drift_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  databaseConfig = { kind: "postgres", url: url.toString(), poolSize: 2 };
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  };
} else {
  databaseConfig = { kind: "pglite", dataDir: "memory://" };
}

const database = await openDatabase(databaseConfig);
let drift: string[] = [];
try {
  await migrate(database.dataSource);
  const pending = await database.dataSource.driver.createSchemaBuilder().log();
  drift = pending.upQueries.map((query) => query.query);
} finally {
  await database.close();
  await cleanup();
}
if (drift.length > 0) {
  console.error(
    `Migration drift on ${databaseConfig.kind}: entities need changes the migrations do not make:`,
  );
  for (const statement of drift) console.error(`  ${statement}`);
  process.exit(1);
}
console.log(`No migration drift (${databaseConfig.kind}).`);
