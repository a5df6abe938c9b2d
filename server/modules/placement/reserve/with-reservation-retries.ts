import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../../../db/transaction.js";
import { conflict } from "../../../errors.js";
import { ClusterLocks, ReservationContention } from "./cluster-locks.js";
import { RESERVATION_GATE } from "./reservation-gate.js";

/** Whole-transaction attempts before giving up with CONFLICT. */
export const MAX_RESERVATION_ATTEMPTS = 12;

function retryable(error: unknown): boolean {
  if (error instanceof ReservationContention) return true;
  const code =
    (error as { driverError?: { code?: unknown }; code?: unknown })?.driverError?.code ??
    (error as { code?: unknown })?.code;
  // Serialization failure and deadlock: PostgreSQL rolled the transaction back; running it again is safe.
  return code === "40001" || code === "40P01";
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in a transaction with a fresh {@link ClusterLocks} (at most two such transactions at a time in this
 * process: `RESERVATION_GATE`), again (after a short random pause) when a lock
 * was contended or PostgreSQL reported a deadlock, at most {@link MAX_RESERVATION_ATTEMPTS} times; then CONFLICT
 * with reason `CONTENDED` (the client retries, with its idempotency key).
 */
export async function withReservationRetries<T>(
  dataSource: DataSource,
  work: (manager: EntityManager, locks: ClusterLocks) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await RESERVATION_GATE.run(() =>
        inTransaction(dataSource, (manager) => work(manager, new ClusterLocks())),
      );
    } catch (error) {
      if (!retryable(error)) throw error;
      if (attempt >= MAX_RESERVATION_ATTEMPTS)
        throw conflict("Capacity is being reserved by many requests at once; try again", {
          reason: "CONTENDED",
        });
      await pause(Math.random() * 10 * attempt);
    }
  }
}
