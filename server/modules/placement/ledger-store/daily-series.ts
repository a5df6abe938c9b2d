import { equivalentRate } from "./fair-share-of.js";
import { clipInterval, type LedgerInterval } from "./ledger-intervals.js";
import { type LedgerWindow, daysOf, formatDay } from "./ledger-period.js";

/** Given vs used of one cooperative on one UTC day, in CPU-core-second equivalents. */
export interface LedgerDayFigures {
  day: string;
  providedEquivalentSeconds: number;
  consumedEquivalentSeconds: number;
}

const DAY_MS = 86_400_000;

/**
 * One entry per day of `window` (whole UTC days): what `cooperativeId` provided to and consumed from others that
 * day, each interval clipped to the day and to `now` (days after `now` are zero). Own-cluster work is not counted.
 * Each interval visits only the days it overlaps, so a year of days over many intervals stays cheap.
 */
export function dailySeries(
  intervals: readonly LedgerInterval[],
  cooperativeId: string,
  window: LedgerWindow,
  now: Date,
): LedgerDayFigures[] {
  const days: LedgerDayFigures[] = daysOf(window).map((day) => ({
    day: formatDay(day.start),
    providedEquivalentSeconds: 0,
    consumedEquivalentSeconds: 0,
  }));
  for (const interval of intervals) {
    const provides = interval.providerCooperativeId === cooperativeId;
    const consumes = interval.consumerCooperativeId === cooperativeId;
    if (provides === consumes) continue; // own cluster, or not this cooperative's at all
    const clipped = clipInterval(interval, window, now);
    if (!clipped) continue;
    const from = clipped.from.getTime();
    const to = clipped.to.getTime();
    // Core-second equivalents per second, once per interval: each day then costs one multiplication.
    const rate = equivalentRate(interval.reservation);
    const first = Math.floor((from - window.start.getTime()) / DAY_MS);
    const last = Math.ceil((to - window.start.getTime()) / DAY_MS) - 1;
    for (let index = first; index <= last && index < days.length; index++) {
      const dayStart = window.start.getTime() + index * DAY_MS;
      const seconds = (Math.min(to, dayStart + DAY_MS) - Math.max(from, dayStart)) / 1000;
      if (seconds <= 0) continue;
      if (provides) days[index].providedEquivalentSeconds += rate * seconds;
      else days[index].consumedEquivalentSeconds += rate * seconds;
    }
  }
  return days;
}
