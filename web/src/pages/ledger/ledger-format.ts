/** Month arithmetic and number formats of the ledger page. Months and days are UTC, like the statements. */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The current month in UTC, `YYYY-MM`. */
export const currentMonth = (now: Date = new Date()): string => now.toISOString().slice(0, 7);

/** The `month` query parameter when it is a valid `YYYY-MM`, else the current month. */
export function monthFromLocation(location: string): string {
  const month = new URLSearchParams(location.split("?")[1] ?? "").get("month");
  return month && MONTH.test(month) ? month : currentMonth();
}

/** `month` moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year, index] = month.split("-").map(Number);
  return new Date(Date.UTC(year, index - 1 + delta, 1)).toISOString().slice(0, 7);
}

/** First and last day (`YYYY-MM-DD`) of a month, for `ledgerDays`. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, index] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** A month's name for people, e.g. `November 2026`. */
export function monthLabel(month: string): string {
  const [year, index] = month.split("-").map(Number);
  return new Date(Date.UTC(year, index - 1, 1)).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Seconds as hours with at most one decimal (`7200` → `2`): the page shows core-hours and GiB-hours. */
export function hours(seconds: number): string {
  return (seconds / 3600).toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

/** A fair-share factor with three decimals. */
export const factor = (value: number): string => value.toFixed(3);
