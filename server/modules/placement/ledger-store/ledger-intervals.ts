import type { EntityManager } from "typeorm";
import type { ResourceAmounts } from "../scheduler/types.js";
import type { LedgerWindow } from "./ledger-period.js";

/**
 * A reservation that counts in the ledger: from the time the work was first Available until its removal was
 * requested (or it was released), `to` null while it still runs.
 */
export interface LedgerInterval {
  providerCooperativeId: string;
  consumerCooperativeId: string;
  reservation: ResourceAmounts;
  from: Date;
  to: Date | null;
}

interface IntervalRow {
  provider: string;
  consumer: string;
  reservation: ResourceAmounts;
  from: Date | string;
  to: Date | string | null;
}

/**
 * Every interval in which `cooperativeId` provided to or consumed from another cooperative and that overlaps
 * `window` before `now`, in one query (served by the provider and consumer indexes). Work on the cooperative's own
 * cluster is left out: it neither gives to nor takes from the alliance. Clipping happens in `clipInterval`.
 */
export async function ledgerIntervalsOf(
  manager: EntityManager,
  cooperativeId: string,
  window: LedgerWindow,
  now: Date,
): Promise<LedgerInterval[]> {
  const until = now < window.end ? now : window.end;
  if (until <= window.start) return [];
  const rows: IntervalRow[] = await manager.query(
    `SELECT provider_cooperative_id AS provider, consumer_cooperative_id AS consumer, reservation,
            available_since AS "from", COALESCE(removal_requested_at, released_at) AS "to"
       FROM placement_work
      WHERE available_since IS NOT NULL
        AND provider_cooperative_id <> consumer_cooperative_id
        AND (provider_cooperative_id = $1 OR consumer_cooperative_id = $1)
        AND available_since < $3::timestamptz
        AND (COALESCE(removal_requested_at, released_at) IS NULL
             OR COALESCE(removal_requested_at, released_at) > $2::timestamptz)`,
    [cooperativeId, window.start, until],
  );
  return rows.map((row) => ({
    providerCooperativeId: row.provider,
    consumerCooperativeId: row.consumer,
    reservation: row.reservation,
    from: new Date(row.from),
    to: row.to === null ? null : new Date(row.to),
  }));
}

/**
 * The part of an interval inside `window` and before `now` (an open interval runs until `now`), or null when
 * nothing of it is left.
 */
export function clipInterval(
  interval: Pick<LedgerInterval, "from" | "to">,
  window: LedgerWindow,
  now: Date,
): { from: Date; to: Date } | null {
  const from = Math.max(interval.from.getTime(), window.start.getTime());
  const to = Math.min(interval.to?.getTime() ?? now.getTime(), now.getTime(), window.end.getTime());
  return to > from ? { from: new Date(from), to: new Date(to) } : null;
}
