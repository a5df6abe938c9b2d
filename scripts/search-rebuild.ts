import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { migrate, openDatabase } from "../server/db/data-source.js";
import { createLogger } from "../server/logger.js";
import { createSearchEngine } from "../server/modules/search/create-search-engine.js";
import { rebuildSearchIndex } from "../server/modules/search/rebuild-search-index.js";

/**
 * `npm run search:rebuild`: re-creates the search index from the database without downtime, with a progress bar
 * (one line per batch when the output is not a terminal).
 */
const config = loadConfig();
const logger = createLogger("warn");
const database = await openDatabase(config.database);
await migrate(database.dataSource);
const engine = createSearchEngine(config, database.dataSource, logger, systemClock);
const progress = (line: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else console.log(line);
};

try {
  const result = await rebuildSearchIndex({
    dataSource: database.dataSource,
    engine,
    clock: systemClock,
    progress,
  });
  console.log(`\nRebuilt the ${result.kind} index: ${result.indexed} documents in ${result.elapsedMs} ms.`);
} catch (error) {
  console.error(`\nRebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
