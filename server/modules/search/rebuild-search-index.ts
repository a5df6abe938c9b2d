import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import type { SearchDocument } from "./core/search-provider.js";
import type { SearchEngine } from "./create-search-engine.js";
import { PostgresSearchProvider } from "./postgres/postgres-search-provider.js";
import { allSearchDocuments, SEARCH_SOURCES } from "./search-sources.js";

const BAR_WIDTH = 30;

/** One progress line: `[#########.....] 1000/3000 documents`. */
export function rebuildProgressLine(indexed: number, total: number): string {
  const share = total === 0 ? 1 : Math.min(1, indexed / total);
  const bar = "#".repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, ".");
  return `[${bar}] ${indexed}/${total} documents`;
}

/** What a rebuild did. */
export interface SearchRebuildResult {
  kind: SearchEngine["kind"];
  indexed: number;
  /** Documents the sources announced before the rebuild (for the progress bar). */
  total: number;
  elapsedMs: number;
}

/**
 * Re-creates the search index from the database without downtime (what `npm run search:rebuild` runs):
 * PostgreSQL rebuilds in one transaction, so other connections search the old index until it commits;
 * Meilisearch fills a new index and swaps it in. `progress` receives one line per batch.
 */
export async function rebuildSearchIndex(options: {
  dataSource: DataSource;
  engine: SearchEngine;
  clock: Clock;
  progress: (line: string) => void;
  /** The documents to index; every domain's sources by default (tests slow them down). */
  documents?: (manager: EntityManager) => AsyncIterable<SearchDocument>;
}): Promise<SearchRebuildResult> {
  const { dataSource, engine, clock } = options;
  const documents = options.documents ?? ((manager: EntityManager) => allSearchDocuments(manager));
  const started = clock.now().getTime();
  let total = 0;
  for (const source of SEARCH_SOURCES) total += await source.count(dataSource.manager);
  const report = ({ indexed }: { indexed: number }) => options.progress(rebuildProgressLine(indexed, total));
  const result =
    engine.kind === "postgres"
      ? await dataSource.transaction((manager) =>
          new PostgresSearchProvider(manager).rebuild(documents(manager), report),
        )
      : await engine.provider.rebuild(documents(dataSource.manager), report);
  return { kind: engine.kind, indexed: result.indexed, total, elapsedMs: clock.now().getTime() - started };
}
