import type { EntityManager } from "typeorm";

/**
 * Takes a transaction-scoped advisory lock if no other session holds it: the single-runner guard of background
 * jobs that every hub process runs. Released when the transaction ends.
 */
export async function tryAdvisoryXactLock(manager: EntityManager, key: number): Promise<boolean> {
  const [row] = (await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [key])) as Array<{
    locked: boolean;
  }>;
  return row?.locked === true;
}
