import { describe, expect, it } from "vitest";
import { HubError } from "../../../errors.js";
import { dayRangeWindow, daysOf, monthWindow, parseDay } from "./ledger-period.js";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof HubError ? String(error.extensions.code) : "other";
  }
  return undefined;
}

describe("monthWindow", () => {
  it.each([
    ["2026-11", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    ["2026-12", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2028-02", "2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"],
  ])("%s runs from the first day 00:00 UTC to the next month's", (month, start, end) => {
    expect(monthWindow(month)).toEqual({ start: new Date(start), end: new Date(end) });
  });

  it.each(["2026-13", "2026-00", "0099-05", "2026-1", "26-11", "2026-11-01", "november", ""])(
    "refuses %j with BAD_USER_INPUT",
    (month) => {
      expect(codeOf(() => monthWindow(month))).toBe("BAD_USER_INPUT");
    },
  );
});

describe("dayRangeWindow", () => {
  it("includes both days", () => {
    const window = dayRangeWindow("2026-11-01", "2026-11-03");
    expect(window).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-11-04T00:00:00Z"),
    });
    expect(daysOf(window).map((day) => day.start.toISOString().slice(0, 10))).toEqual([
      "2026-11-01",
      "2026-11-02",
      "2026-11-03",
    ]);
  });

  it("allows 366 days and refuses 367, a reversed range and days that do not exist", () => {
    expect(daysOf(dayRangeWindow("2028-01-01", "2028-12-31"))).toHaveLength(366);
    expect(codeOf(() => dayRangeWindow("2027-01-01", "2028-01-02"))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => dayRangeWindow("2026-11-02", "2026-11-01"))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => dayRangeWindow("2026-02-30", "2026-03-01"))).toBe("BAD_USER_INPUT");
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00Z"));
  });
});
