import { loadConfig } from "../server/config.js";
import { migrate, openDatabase } from "../server/db/data-source.js";

/**
 * `npx tsx scripts/print-schema-sql.ts`: applies the existing migrations to the configured database, then prints
 * the SQL TypeORM would still run to match the entities: the body of the next migration. Use a scratch database
 * (e.g. DATA_DIR=memory:// or a throwaway DATABASE_URL).
 */
const database = await openDatabase(loadConfig().database);
await migrate(database.dataSource);
const sql = await database.dataSource.driver.createSchemaBuilder().log();
console.log("-- up");
for (const query of sql.upQueries) console.log(`${query.query};`);
console.log("-- down");
for (const query of sql.downQueries.reverse()) console.log(`${query.query};`);
await database.close();
