import type { EntityManager } from "typeorm";
import { type DecayedUsage, fairShareFactor, HALF_LIFE_SECONDS } from "../ledger/fair-share.js";
import { CORE_SECONDS_PER_UNIT_SECOND, resourceWeight } from "../ledger/resource-seconds.js";
import type { ResourceAmounts } from "../scheduler/types.js";

/** Core-second equivalents per second of holding a reservation. */
export function equivalentRate(reservation: ResourceAmounts): number {
  let rate = 0;
  for (const resource in reservation) rate += reservation[resource] * resourceWeight(resource);
  return rate;
}

/** Work older than 20 half-lives weighs < 1e-6 of fresh work: the query skips it. */
const HORIZON_DAYS = 20 * (HALF_LIFE_SECONDS / 86_400);

/**
 * Per work row: its rate (the weights of `resourceWeight`, given as parameters so they have one source; cpu and
 * memory read directly, the per-class storage and per-model GPU keys only for rows that have such keys, since
 * expanding every reservation with jsonb_each_text costs more than shipping the rows) and the ages of its start and
 * end at now; then the closed form of `decayedIntervalSeconds`,
 * rate × halfLife/ln 2 × (2^(-ageEnd/halfLife) − 2^(-ageStart/halfLife)), summed per cooperative and side.
 */
const DECAYED_USAGE_SQL = `
WITH work AS (
  SELECT w.provider_cooperative_id AS provider, w.consumer_cooperative_id AS consumer,
         EXTRACT(EPOCH FROM ($2::timestamptz - w.available_since))::float8 AS age_start,
         EXTRACT(EPOCH FROM ($2::timestamptz - LEAST(COALESCE(w.removal_requested_at, w.released_at, $2::timestamptz),
                                                       $2::timestamptz)))::float8 AS age_end,
         COALESCE((w.reservation ->> 'cpu')::float8, 0) * $3::float8
           + COALESCE((w.reservation ->> 'memory')::float8, 0) * $4::float8
           + CASE WHEN w.reservation::text LIKE '%"storage:%' OR w.reservation::text LIKE '%"gpu:%'
                  THEN (SELECT COALESCE(SUM(r.value::float8 * CASE
                          WHEN r.key LIKE 'storage:%' THEN $5::float8
                          WHEN r.key LIKE 'gpu:%' THEN $6::float8
                          ELSE 0 END), 0)
                          FROM jsonb_each_text(w.reservation) r)
                  ELSE 0 END AS rate
    FROM placement_work w
   WHERE w.available_since IS NOT NULL
     AND w.provider_cooperative_id <> w.consumer_cooperative_id
     AND (w.provider_cooperative_id = ANY($1::uuid[]) OR w.consumer_cooperative_id = ANY($1::uuid[]))
     AND COALESCE(w.removal_requested_at, w.released_at, $2::timestamptz) > $2::timestamptz - make_interval(days => $8)
), decayed AS (
  SELECT provider, consumer,
         rate * ($7::float8 / ln(2)) * (power(2::float8, -age_end / $7::float8) - power(2::float8, -age_start / $7::float8)) AS seconds
    FROM work
   WHERE age_start > age_end
)
SELECT id::text AS id, SUM(provided)::float8 AS provided, SUM(used)::float8 AS used
  FROM (SELECT provider AS id, seconds AS provided, 0::float8 AS used FROM decayed
        UNION ALL
        SELECT consumer, 0::float8, seconds FROM decayed) sides
 WHERE id = ANY($1::uuid[])
 GROUP BY id`;

/**
 * Decayed S (provided to others) and U (used from others) of each cooperative in `cooperativeIds` at `now`, from
 * the work rows: each counts from `available_since` until removal was requested (or now), with the 7-day
 * half-life. Work on a cooperative's own cluster is neither. One statement, one row per cooperative, whatever the
 * number of work rows; rows older than 20 half-lives are skipped.
 */
export async function decayedUsageOf(
  manager: EntityManager,
  cooperativeIds: readonly string[],
  now: Date,
): Promise<Map<string, DecayedUsage>> {
  const totals = new Map<string, DecayedUsage>(cooperativeIds.map((id) => [id, { provided: 0, used: 0 }]));
  if (cooperativeIds.length === 0) return totals;
  const weights = CORE_SECONDS_PER_UNIT_SECOND;
  const rows: Array<{ id: string; provided: number | string; used: number | string }> = await manager.query(
    DECAYED_USAGE_SQL,
    [
      cooperativeIds,
      now,
      weights.cpu,
      weights.memory,
      weights.storage,
      weights.gpu,
      HALF_LIFE_SECONDS,
      HORIZON_DAYS,
    ],
  );
  for (const row of rows) totals.set(row.id, { provided: Number(row.provided), used: Number(row.used) });
  return totals;
}

/** The cooperative's fair-share factor F = 2^(-U/S) at `now` (1 for a cooperative that used nothing). */
export async function fairShareOf(manager: EntityManager, cooperativeId: string, now: Date): Promise<number> {
  const usage = await decayedUsageOf(manager, [cooperativeId], now);
  return fairShareFactor(usage.get(cooperativeId) ?? { provided: 0, used: 0 });
}
