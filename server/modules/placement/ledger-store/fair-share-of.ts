import type { EntityManager } from "typeorm";
import { decayedIntervalSeconds } from "../ledger/decayed-interval.js";
import { type DecayedUsage, fairShareFactor } from "../ledger/fair-share.js";
import { resourceWeight } from "../ledger/resource-seconds.js";
import type { ResourceAmounts } from "../scheduler/types.js";

interface AccruingWork {
  provider: string;
  consumer: string;
  reservation: ResourceAmounts;
  from: Date;
  to: Date | null;
}

/** Core-second equivalents per second of holding a reservation. */
export function equivalentRate(reservation: ResourceAmounts): number {
  let rate = 0;
  for (const resource in reservation) rate += reservation[resource] * resourceWeight(resource);
  return rate;
}

/**
 * Decayed S (provided to others) and U (used from others) of each cooperative in `cooperativeIds` at `now`, from
 * the work rows: each counts from `available_since` until removal was requested (or now), with the 7-day
 * half-life. Work on a cooperative's own cluster is neither. Rows older than 20 half-lives weigh < 1e-6 and are
 * skipped by the query.
 */
export async function decayedUsageOf(
  manager: EntityManager,
  cooperativeIds: readonly string[],
  now: Date,
): Promise<Map<string, DecayedUsage>> {
  const totals = new Map<string, DecayedUsage>(cooperativeIds.map((id) => [id, { provided: 0, used: 0 }]));
  if (cooperativeIds.length === 0) return totals;
  const rows: AccruingWork[] = await manager.query(
    `SELECT provider_cooperative_id AS provider, consumer_cooperative_id AS consumer, reservation,
            available_since AS "from", COALESCE(removal_requested_at, released_at) AS "to"
       FROM placement_work
      WHERE available_since IS NOT NULL
        AND provider_cooperative_id <> consumer_cooperative_id
        AND (provider_cooperative_id = ANY($1::uuid[]) OR consumer_cooperative_id = ANY($1::uuid[]))
        AND COALESCE(removal_requested_at, released_at, $2) > $2::timestamptz - interval '140 days'`,
    [cooperativeIds, now],
  );
  for (const row of rows) {
    const seconds = decayedIntervalSeconds(
      equivalentRate(row.reservation),
      new Date(row.from),
      row.to ? new Date(row.to) : now,
      now,
    );
    const provider = totals.get(row.provider);
    if (provider) provider.provided += seconds;
    const consumer = totals.get(row.consumer);
    if (consumer) consumer.used += seconds;
  }
  return totals;
}

/** The cooperative's fair-share factor F = 2^(-U/S) at `now` (1 for a cooperative that used nothing). */
export async function fairShareOf(manager: EntityManager, cooperativeId: string, now: Date): Promise<number> {
  const usage = await decayedUsageOf(manager, [cooperativeId], now);
  return fairShareFactor(usage.get(cooperativeId) ?? { provided: 0, used: 0 });
}
