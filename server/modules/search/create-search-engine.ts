import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { HubConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { SearchProvider } from "./core/search-provider.js";
import { MeiliSearchProvider } from "./meilisearch/meili-search-provider.js";
import { deliverSearchOutbox } from "./outbox/deliver-search-outbox.js";
import { PostgresSearchProvider } from "./postgres/postgres-search-provider.js";
import { outboxSearchIndexer, postgresSearchIndexer, type SearchIndexer } from "./search-indexer.js";

/** How often the outbox is checked for due changes when an external engine is configured. */
const OUTBOX_INTERVAL_MS = 500;

/** The configured engine: what answers searches, how content changes reach it, and its background work. */
export interface SearchEngine {
  kind: "postgres" | "meilisearch";
  provider: SearchProvider;
  indexer: SearchIndexer;
  /** Starts background delivery (Meilisearch); returns a stop function. */
  start(): () => void;
}

/**
 * PostgreSQL full-text search by default (also on the embedded PGlite), written in the content's own transaction.
 * With `MEILI_HOST`, Meilisearch: changes go through the outbox, delivered every half second with retries.
 */
export function createSearchEngine(
  config: HubConfig,
  dataSource: DataSource,
  logger: Logger,
  clock: Clock,
): SearchEngine {
  const meiliHost = config.search.meiliHost;
  if (!meiliHost) {
    return {
      kind: "postgres",
      provider: new PostgresSearchProvider(dataSource),
      indexer: postgresSearchIndexer,
      start: () => () => {},
    };
  }
  const provider = new MeiliSearchProvider(meiliHost, config.search.meiliApiKey);
  return {
    kind: "meilisearch",
    provider,
    indexer: outboxSearchIndexer,
    start() {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        deliverSearchOutbox(dataSource, provider, clock.now())
          .catch((error: unknown) => logger.warn({ err: error }, "search outbox delivery failed"))
          .finally(() => {
            running = false;
          });
      }, OUTBOX_INTERVAL_MS);
      timer.unref();
      provider
        .ensureIndex()
        .catch((error: unknown) =>
          logger.warn({ err: error }, "Meilisearch index setup failed; will retry on delivery"),
        );
      return () => clearInterval(timer);
    },
  };
}
