import type { EntityManager } from "typeorm";
import { fairShareFactor } from "../ledger/fair-share.js";
import { orderQueue } from "../ledger/queue-order.js";
import { decayedUsageOf } from "../ledger-store/fair-share-of.js";

/**
 * Position (1 = next) of every queued placement, in the order the queue serves them: the requester's fair share
 * now, then the age of the request (`queued_at`, else creation), then the id.
 */
export async function queuePositions(manager: EntityManager, now: Date): Promise<Map<string, number>> {
  const queued: Array<{ id: string; cooperative_id: string; requested_at: Date }> = await manager.query(
    `SELECT id, cooperative_id, COALESCE(queued_at, created_at) AS requested_at
       FROM placement WHERE status = 'queued'`,
  );
  if (queued.length === 0) return new Map();
  const usage = await decayedUsageOf(manager, [...new Set(queued.map((row) => row.cooperative_id))], now);
  const ordered = orderQueue(
    queued.map((row) => ({
      id: row.id,
      requestedAt: new Date(row.requested_at),
      fairShare: fairShareFactor(usage.get(row.cooperative_id) ?? { provided: 0, used: 0 }),
    })),
  );
  return new Map(ordered.map((request, index) => [request.id, index + 1]));
}
