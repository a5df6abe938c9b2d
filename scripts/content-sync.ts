import { fileURLToPath } from "node:url";
import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { syncContent } from "../server/content/sync-content.js";
import { migrate, openDatabase } from "../server/db/data-source.js";
import { createLogger } from "../server/logger.js";

/** `npm run content:sync`: loads content/ (manuals, blueprints) into the configured database. */
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await migrate(database.dataSource);
  const summaries = await syncContent({
    dataSource: database.dataSource,
    contentDirectory: fileURLToPath(new URL("../content/", import.meta.url)),
    clock: systemClock,
    logger: createLogger(config.logLevel),
  });
  for (const summary of summaries) console.log(summary);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
