import { HALF_LIFE_SECONDS } from "./fair-share.js";

/**
 * Decayed resource-seconds of holding `ratePerSecond` (core-second equivalents per second) from `from` to `to`,
 * seen at `now`: the integral of rate × 2^(-(now - t) / halfLife) dt, in closed form, so a reservation held for a
 * month counts exactly as if it had been closed hourly into many decayed records. Time after `now` is not counted.
 */
export function decayedIntervalSeconds(
  ratePerSecond: number,
  from: Date,
  to: Date,
  now: Date,
  halfLifeSeconds: number = HALF_LIFE_SECONDS,
): number {
  const end = Math.min(to.getTime(), now.getTime());
  const start = from.getTime();
  if (!(ratePerSecond > 0) || end <= start) return 0;
  const ageAtStart = (now.getTime() - start) / 1000;
  const ageAtEnd = (now.getTime() - end) / 1000;
  const scale = halfLifeSeconds / Math.LN2;
  return ratePerSecond * scale * (2 ** (-ageAtEnd / halfLifeSeconds) - 2 ** (-ageAtStart / halfLifeSeconds));
}
