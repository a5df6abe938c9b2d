import { describe, expect, it } from "vitest";
import { escalatedDays, penaltyEnd } from "./penalty-ladder.js";

describe("penalty ladder", () => {
  it("escalates silences 1 day, 1 week, 1 month and stays at the top", () => {
    expect([0, 1, 2, 3, 9].map((count) => escalatedDays("silence", count))).toEqual([1, 7, 30, 30, 30]);
  });

  it("escalates suspensions 1 week, 1 month, 1 year", () => {
    expect([0, 1, 2, 5].map((count) => escalatedDays("suspension", count))).toEqual([7, 30, 365, 365]);
  });

  it("ends exactly that many days later", () => {
    const start = new Date("2026-11-25T08:00:00.000Z");
    expect(penaltyEnd(start, 7).toISOString()).toBe("2026-12-02T08:00:00.000Z");
  });
});
