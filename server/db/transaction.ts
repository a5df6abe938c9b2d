import type { DataSource, EntityManager } from "typeorm";

/**
 * Runs `work` in one transaction. Every multi-table write goes through here, and everything inside must use
 * the `manager` it receives (on PGlite the pool has one connection: another query would wait forever).
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(work);
}
