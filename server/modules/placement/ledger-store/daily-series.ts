import { resourceSeconds } from "../ledger/resource-seconds.js";
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
  const days = daysOf(window).map((day) => ({
    window: day,
    figures: { day: formatDay(day.start), providedEquivalentSeconds: 0, consumedEquivalentSeconds: 0 },
  }));
  for (const interval of intervals) {
    const provides = interval.providerCooperativeId === cooperativeId;
    const consumes = interval.consumerCooperativeId === cooperativeId;
    if (provides === consumes) continue; // own cluster, or not this cooperative's at all
    const clipped = clipInterval(interval, window, now);
    if (!clipped) continue;
    const first = Math.floor((clipped.from.getTime() - window.start.getTime()) / DAY_MS);
    const last = Math.ceil((clipped.to.getTime() - window.start.getTime()) / DAY_MS) - 1;
    for (let index = first; index <= last && index < days.length; index++) {
      const part = clipInterval(clipped, days[index].window, now);
      if (!part) continue;
      const seconds = resourceSeconds(interval.reservation, part.from, part.to);
      if (provides) days[index].figures.providedEquivalentSeconds += seconds;
      else days[index].figures.consumedEquivalentSeconds += seconds;
    }
  }
  return days.map((day) => day.figures);
}
