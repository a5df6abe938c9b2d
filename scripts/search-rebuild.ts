import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { migrate, openDatabase } from "../server/db/data-source.js";
import { createLogger } from "../server/logger.js";
import { createSearchEngine } from "../server/modules/search/create-search-engine.js";
import { PostgresSearchProvider } from "../server/modules/search/postgres/postgres-search-provider.js";
import { allSearchDocuments, SEARCH_SOURCES } from "../server/modules/search/search-sources.js";

/**
 * `npm run search:rebuild`: re-creates the search index from the database without downtime: PostgreSQL rebuilds
 * in one transaction (searches see the old index until it commits), Meilisearch fills a new index and swaps it in.
 */
const config = loadConfig();
const logger = createLogger("warn");
const database = await openDatabase(config.database);
await migrate(database.dataSource);
const engine = createSearchEngine(config, database.dataSource, logger, systemClock);
let total = 0;
for (const source of SEARCH_SOURCES) total += await source.count(database.dataSource.manager);

const width = 30;
const progress = ({ indexed }: { indexed: number }) => {
  const share = total === 0 ? 1 : Math.min(1, indexed / total);
  const bar = "#".repeat(Math.round(share * width)).padEnd(width, ".");
  const line = `[${bar}] ${indexed}/${total} documents`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else console.log(line);
};

try {
  const started = Date.now();
  const result =
    engine.kind === "postgres"
      ? await database.dataSource.transaction((manager) =>
          new PostgresSearchProvider(manager).rebuild(allSearchDocuments(manager), progress),
        )
      : await engine.provider.rebuild(allSearchDocuments(database.dataSource.manager), progress);
  console.log(
    `\nRebuilt the ${engine.kind} index: ${result.indexed} documents in ${Date.now() - started} ms.`,
  );
} catch (error) {
  console.error(`\nRebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
