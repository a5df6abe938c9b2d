/**
 * Fair-share accounting between cooperatives: what each provided to and used from the alliance, with old usage
 * fading out, and the resulting priority factor F = 2^(-U/S) (as in Slurm's classic fair-share formula).
 */

/** Usage loses half its weight every 7 days: a busy month is forgiven within weeks, last week still counts. */
export const HALF_LIFE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Lowest factor anyone gets: 2^-10 is what a cooperative using ten times what it provided would get.
 * A cooperative that used capacity but never provided any (S = 0, U > 0) would get 2^-∞ = 0; the floor keeps it
 * orderable against other heavy users (older requests still go first) and keeps the factor finite and positive,
 * so it is still served whenever capacity is free rather than starved.
 */
export const FAIR_SHARE_FLOOR = 2 ** -10;

/**
 * One accounting entry: `consumer` used `resourceSeconds` (weighted, see resource-seconds.ts) of `provider`'s
 * offered capacity during a period ending at `at`. Callers close periods often (say hourly), so dating the whole
 * period at its end shifts the decay by at most that much.
 */
export interface UsageRecord {
  providerCooperativeId: string;
  consumerCooperativeId: string;
  resourceSeconds: number;
  at: Date;
}

/** Decayed totals for one cooperative: S (provided to others) and U (used from others). */
export interface DecayedUsage {
  provided: number;
  used: number;
}

/** Weight of a record of age `now - at`: 1 when fresh, 1/2 after one half-life. Future records count fully. */
export function decayWeight(at: Date, now: Date, halfLifeSeconds: number = HALF_LIFE_SECONDS): number {
  const ageSeconds = Math.max(0, (now.getTime() - at.getTime()) / 1000);
  return 2 ** (-ageSeconds / halfLifeSeconds);
}

/**
 * Decayed S and U per cooperative at `now`. A cooperative running work on its own cluster neither provides to nor
 * uses the alliance, so such records are skipped.
 */
export function decayedUsage(
  records: readonly UsageRecord[],
  now: Date,
  halfLifeSeconds: number = HALF_LIFE_SECONDS,
): Map<string, DecayedUsage> {
  const totals = new Map<string, DecayedUsage>();
  const entry = (cooperativeId: string): DecayedUsage => {
    let usage = totals.get(cooperativeId);
    if (usage === undefined) {
      usage = { provided: 0, used: 0 };
      totals.set(cooperativeId, usage);
    }
    return usage;
  };
  for (const record of records) {
    if (record.providerCooperativeId === record.consumerCooperativeId || record.resourceSeconds <= 0)
      continue;
    const weighted = record.resourceSeconds * decayWeight(record.at, now, halfLifeSeconds);
    entry(record.providerCooperativeId).provided += weighted;
    entry(record.consumerCooperativeId).used += weighted;
  }
  return totals;
}

/**
 * F = 2^(-U/S), between FAIR_SHARE_FLOOR and 1. Using exactly what one provided gives 1/2.
 * Edge cases: S = 0 and U = 0 (a newcomer, or everything decayed) gives 1, since it owes the alliance nothing;
 * S = 0 and U > 0 gives the floor (see FAIR_SHARE_FLOOR).
 */
export function fairShareFactor(usage: DecayedUsage): number {
  const { provided, used } = usage;
  if (used <= 0) return 1;
  if (provided <= 0) return FAIR_SHARE_FLOOR;
  return Math.max(FAIR_SHARE_FLOOR, 2 ** (-used / provided));
}
