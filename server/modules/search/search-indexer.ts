import type { EntityManager } from "typeorm";
import type { SearchDocument, SearchDocumentRef } from "./core/search-provider.js";
import { PostgresSearchProvider } from "./postgres/postgres-search-provider.js";

/**
 * How content modules keep the index current: called with the EntityManager of the transaction that changes the
 * content, so the index change commits (or rolls back) with it.
 */
export interface SearchIndexer {
  index(manager: EntityManager, documents: SearchDocument[], now: Date): Promise<void>;
  remove(manager: EntityManager, refs: SearchDocumentRef[], now: Date): Promise<void>;
}

/** PostgreSQL search: the index lives in the same database, so it is written directly in the transaction. */
export const postgresSearchIndexer: SearchIndexer = {
  index: (manager, documents) => new PostgresSearchProvider(manager).index(documents),
  remove: (manager, refs) => new PostgresSearchProvider(manager).remove(refs),
};

/** An external engine (Meilisearch): the change is queued in the outbox in the transaction, delivered later. */
export const outboxSearchIndexer: SearchIndexer = {
  async index(manager, documents, now) {
    if (documents.length === 0) return;
    await manager.query(
      "INSERT INTO search_outbox (operation, payload, attempts, next_attempt_at, created_at) VALUES ('index', $1, 0, $2, $2)",
      [JSON.stringify(documents), now],
    );
  },
  async remove(manager, refs, now) {
    if (refs.length === 0) return;
    await manager.query(
      "INSERT INTO search_outbox (operation, payload, attempts, next_attempt_at, created_at) VALUES ('remove', $1, 0, $2, $2)",
      [JSON.stringify(refs), now],
    );
  },
};

/** The indexer of each hub's database, registered at start; a DataSource without one uses PostgreSQL search. */
const INDEXERS = new WeakMap<object, SearchIndexer>();

/** Registers the configured engine's indexer for a database (called by the hub at start). */
export function registerSearchIndexer(dataSource: object, indexer: SearchIndexer): void {
  INDEXERS.set(dataSource, indexer);
}

/**
 * The indexer for the database `manager` belongs to: content modules call this inside their transactions, so they
 * need no wiring of their own and index into whichever engine the hub runs.
 */
export function searchIndexerFor(manager: EntityManager): SearchIndexer {
  return INDEXERS.get(manager.connection) ?? postgresSearchIndexer;
}
