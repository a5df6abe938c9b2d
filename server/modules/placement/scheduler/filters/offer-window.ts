import { isOwnCluster } from "../capacity.js";
import { localTime, parseClock } from "../local-time.js";
import { PASS } from "../filter-result.js";
import type { Filter, OfferWindow } from "../types.js";

/**
 * Whether `now` falls in the window. A window whose end is not after its start runs past midnight into the next
 * day (so "00:00"-"00:00" is a whole day); it belongs to the day it starts on.
 */
export function windowIsOpen(window: OfferWindow, now: Date): boolean {
  const start = parseClock(window.start);
  const end = parseClock(window.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return false;
  const { day, minutes } = localTime(now, window.timeZone ?? "UTC");
  if (start < end) return window.days.includes(day) && minutes >= start && minutes < end;
  const previousDay = (day + 6) % 7;
  return (
    (window.days.includes(day) && minutes >= start) || (window.days.includes(previousDay) && minutes < end)
  );
}

/** An offer with time windows can only be used while one of them is open. The owner is not bound by its offer. */
export const offerWindow: Filter = (cluster, request, context) => {
  const windows = cluster.offer?.windows;
  if (windows === undefined || windows.length === 0 || isOwnCluster(cluster, request)) return PASS;
  for (const window of windows) {
    try {
      if (windowIsOpen(window, context.now)) return PASS;
    } catch {
      // An unknown time zone must not abort the whole decision; that window simply never opens.
      return {
        ok: false,
        reason: `offer ${cluster.offer?.id} has a window in unknown time zone ${window.timeZone}`,
      };
    }
  }
  return { ok: false, reason: `offer ${cluster.offer?.id} is outside its time windows` };
};
