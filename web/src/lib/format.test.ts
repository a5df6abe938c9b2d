import { describe, expect, it } from "vitest";
import { countryName, formatDate, roleLabel, tierLabel } from "./format.js";

describe("Formatting for display", () => {
  it("names tiers and roles, showing unknown values as they are", () => {
    expect(tierLabel("TCC_MEMBER")).toBe("TCC member");
    expect(tierLabel("NEW_TIER")).toBe("NEW_TIER");
    expect(roleLabel("ADMIN")).toBe("Admin");
  });

  it("names countries by their ISO code", () => {
    expect(countryName("CH")).toBe("Switzerland");
  });

  it("formats dates and shows a dash for missing or invalid ones", () => {
    expect(formatDate("2026-11-25T08:00:00.000Z")).toBe("25 Nov 2026");
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("—");
  });
});
