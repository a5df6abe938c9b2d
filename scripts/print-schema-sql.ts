import { loadConfig } from "../server/config.js";
import { openDatabase } from "../server/db/data-source.js";

/** Prints the SQL TypeORM would run to bring the database to the entities (used to write migrations). */
const database = await openDatabase(loadConfig().database);
const sql = await database.dataSource.driver.createSchemaBuilder().log();
for (const query of sql.upQueries) console.log(`${query.query};`);
console.log("-- down");
for (const query of sql.downQueries.reverse()) console.log(`${query.query};`);
await database.close();
