import { describe, expect, it } from "vitest";
import { dailySeries } from "./daily-series.js";
import type { LedgerInterval } from "./ledger-intervals.js";
import { dayRangeWindow } from "./ledger-period.js";

const HOUR = 3600;

function interval(provider: string, consumer: string, from: string, to: string | null): LedgerInterval {
  return {
    providerCooperativeId: provider,
    consumerCooperativeId: consumer,
    reservation: { cpu: 1000 },
    from: new Date(from),
    to: to ? new Date(to) : null,
  };
}

describe("dailySeries", () => {
  it("splits intervals at UTC midnight, counts open ones until now and days after now as zero", () => {
    const window = dayRangeWindow("2026-11-23", "2026-11-26");
    const now = new Date("2026-11-25T06:00:00Z");
    const series = dailySeries(
      [
        interval("us", "a", "2026-11-22T22:00:00Z", "2026-11-23T02:00:00Z"),
        interval("us", "a", "2026-11-23T20:00:00Z", "2026-11-24T04:00:00Z"),
        interval("b", "us", "2026-11-24T12:00:00Z", null),
        interval("us", "us", "2026-11-23T00:00:00Z", null),
        interval("a", "b", "2026-11-23T00:00:00Z", null),
      ],
      "us",
      window,
      now,
    );
    expect(series).toEqual([
      { day: "2026-11-23", providedEquivalentSeconds: 6 * HOUR, consumedEquivalentSeconds: 0 },
      { day: "2026-11-24", providedEquivalentSeconds: 4 * HOUR, consumedEquivalentSeconds: 12 * HOUR },
      { day: "2026-11-25", providedEquivalentSeconds: 0, consumedEquivalentSeconds: 6 * HOUR },
      { day: "2026-11-26", providedEquivalentSeconds: 0, consumedEquivalentSeconds: 0 },
    ]);
  });

  it("sums each day to the same total as the whole interval", () => {
    const window = dayRangeWindow("2026-01-01", "2026-12-31");
    const series = dailySeries(
      [interval("us", "a", "2026-02-10T07:13:00Z", "2026-05-03T19:41:00Z")],
      "us",
      window,
      new Date("2027-01-01T00:00:00Z"),
    );
    const total = series.reduce((sum, day) => sum + day.providedEquivalentSeconds, 0);
    const seconds = (Date.parse("2026-05-03T19:41:00Z") - Date.parse("2026-02-10T07:13:00Z")) / 1000;
    expect(total).toBeCloseTo(seconds, 6);
    expect(series).toHaveLength(365);
  });
});
