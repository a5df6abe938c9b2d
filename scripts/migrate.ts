import { loadConfig } from "../server/config.js";
import { migrate, openDatabase } from "../server/db/data-source.js";

/** `npm run db:migrate`: applies pending migrations to the configured database (PGlite or DATABASE_URL). */
const database = await openDatabase(loadConfig().database);
const applied = await migrate(database.dataSource);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
await database.close();
