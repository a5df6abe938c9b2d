import { parseClock } from "../placement/scheduler/local-time.js";
import type { StoredWindow } from "./capacity-offer.entity.js";

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Whether `timeZone` is an IANA zone this runtime knows (what the scheduler's window filter will use). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The minutes of the week a window covers, as half-open [from, to) ranges, read the way the scheduler's
 * `windowIsOpen` reads it: `end` ≤ `start` runs past midnight into the next day (Saturday into Sunday wraps).
 */
export function weekRanges(window: StoredWindow): Array<[number, number]> {
  const start = parseClock(window.start);
  const end = parseClock(window.end);
  const ranges: Array<[number, number]> = [];
  for (const day of window.days) {
    const from = day * MINUTES_PER_DAY + start;
    const to = day * MINUTES_PER_DAY + (end > start ? end : end + MINUTES_PER_DAY);
    if (to <= MINUTES_PER_WEEK) ranges.push([from, to]);
    else ranges.push([from, MINUTES_PER_WEEK], [0, to - MINUTES_PER_WEEK]);
  }
  return ranges;
}

function overlaps(a: Array<[number, number]>, b: Array<[number, number]>): boolean {
  return a.some(([aFrom, aTo]) => b.some(([bFrom, bTo]) => aFrom < bTo && bFrom < aTo));
}

/**
 * Pairs of windows (indexes) that overlap. Only windows in the same time zone are compared: across zones the
 * overlap moves with daylight saving time, and an overlap there is harmless (the offer is simply open).
 * A window overlapping itself (the same day listed twice) is caught by the day validation instead.
 */
export function overlappingWindows(windows: StoredWindow[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const ranges = windows.map(weekRanges);
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      if (windows[i].timeZone === windows[j].timeZone && overlaps(ranges[i], ranges[j])) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** "HH:MM" with 00:00 ≤ time ≤ 24:00, as the scheduler parses it. */
export const isClock = (value: string): boolean => !Number.isNaN(parseClock(value));
