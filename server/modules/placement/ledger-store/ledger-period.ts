import { badUserInput } from "../../../errors.js";

/** A half-open UTC time window [start, end). */
export interface LedgerWindow {
  start: Date;
  end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The longest range `ledgerDays` answers: a leap year of days. */
export const MAX_LEDGER_DAYS = 366;

/**
 * The month `YYYY-MM` as [first day 00:00 UTC, first day of the next month 00:00 UTC). Statements are in UTC so
 * that two cooperatives in different time zones see the same figures. BAD_USER_INPUT naming `field` otherwise.
 */
export function monthWindow(month: string, field = "month"): LedgerWindow {
  const match = MONTH.exec(month);
  const year = Number(match?.[1]);
  const index = Number(match?.[2]) - 1;
  const start = new Date(Date.UTC(year, index, 1));
  // Date.UTC reads years 0–99 as 1900–1999: the round trip refuses them rather than answering another month.
  if (!match || Number.isNaN(start.getTime()) || start.toISOString().slice(0, 7) !== month)
    throw badUserInput("The month must be YYYY-MM", [{ field, message: "must be YYYY-MM" }]);
  return { start, end: new Date(Date.UTC(year, index + 1, 1)) };
}

/** Midnight UTC of a `YYYY-MM-DD` day, or null when the text is not a real calendar day. */
export function parseDay(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2026-02-30 over into March: a round trip catches days that do not exist.
  return formatDay(date) === day ? date : null;
}

/** `YYYY-MM-DD` of a date in UTC. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The days `from` to `to` (both `YYYY-MM-DD`, both included) as a window, at most MAX_LEDGER_DAYS long and not
 * reversed; BAD_USER_INPUT naming every wrong argument otherwise.
 */
export function dayRangeWindow(from: string, to: string): LedgerWindow {
  const start = parseDay(from);
  const last = parseDay(to);
  const problems = [];
  if (!start) problems.push({ field: "from", message: "must be a day, YYYY-MM-DD" });
  if (!last) problems.push({ field: "to", message: "must be a day, YYYY-MM-DD" });
  if (start && last) {
    const days = (last.getTime() - start.getTime()) / DAY_MS + 1;
    if (days < 1) problems.push({ field: "to", message: "must not be before from" });
    else if (days > MAX_LEDGER_DAYS)
      problems.push({ field: "to", message: `the range may span at most ${MAX_LEDGER_DAYS} days` });
  }
  if (problems.length > 0 || !start || !last)
    throw badUserInput(
      `Invalid range: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
      problems,
    );
  return { start, end: new Date(last.getTime() + DAY_MS) };
}

/** Each day's window in [window.start, window.end), in order. */
export function daysOf(window: LedgerWindow): LedgerWindow[] {
  const days: LedgerWindow[] = [];
  for (let at = window.start.getTime(); at < window.end.getTime(); at += DAY_MS)
    days.push({ start: new Date(at), end: new Date(at + DAY_MS) });
  return days;
}
