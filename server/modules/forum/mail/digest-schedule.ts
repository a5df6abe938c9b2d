import type { DigestFrequency } from "./forum-mail.entity.js";

/** Digests go out at 07:00 UTC: daily ones every day, weekly ones on Mondays. */
export const DIGEST_HOUR_UTC = 7;
const DAY_MS = 86_400_000;

/** The length of one digest period. */
export function digestPeriodMs(frequency: DigestFrequency): number {
  return frequency === "daily" ? DAY_MS : 7 * DAY_MS;
}

/**
 * The latest scheduled digest time at or before `now`. A person is due when their last digest covered activity
 * only up to before this slot; the job may run late (or after downtime) and still sends exactly one digest.
 */
export function latestDigestSlot(now: Date, frequency: DigestFrequency): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC);
  let slot = today <= now.getTime() ? today : today - DAY_MS;
  if (frequency === "weekly") {
    const daysSinceMonday = (new Date(slot).getUTCDay() + 6) % 7;
    slot -= daysSinceMonday * DAY_MS;
  }
  return new Date(slot);
}
