import { describe, expect, it } from "vitest";
import {
  currentMonth,
  hours,
  monthDays,
  monthFromLocation,
  monthLabel,
  shiftMonth,
} from "./ledger-format.js";

describe("ledger month arithmetic (UTC)", () => {
  it("finds the last day of each month, leap years included", () => {
    expect(monthDays("2026-11")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthDays("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("steps across years and reads the month from the address", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(monthFromLocation("/cooperatives/a/ledger?month=2026-10")).toBe("2026-10");
    expect(monthFromLocation("/cooperatives/a/ledger?month=2026-13")).toBe(currentMonth());
    expect(currentMonth(new Date("2026-11-30T23:30:00-05:00"))).toBe("2026-12");
  });

  it("names months and shows seconds as hours", () => {
    expect(monthLabel("2026-11")).toBe("November 2026");
    expect(hours(7200)).toBe("2");
    expect(hours(5400)).toBe("1.5");
    expect(hours(3600 * 12345)).toBe("12,345");
  });
});
