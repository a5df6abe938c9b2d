import { describe, expect, it } from "vitest";
import { clipInterval } from "./ledger-intervals.js";
import { monthWindow } from "./ledger-period.js";

const november = monthWindow("2026-11");
const at = (iso: string) => new Date(iso);
const LATER = at("2027-01-15T00:00:00Z");

describe("clipInterval", () => {
  it.each([
    {
      name: "inside the month: unchanged",
      from: "2026-11-10T00:00:00Z",
      to: "2026-11-11T00:00:00Z",
      now: LATER,
      expected: ["2026-11-10T00:00:00Z", "2026-11-11T00:00:00Z"],
    },
    {
      name: "started last month: from the first day 00:00 UTC",
      from: "2026-10-31T23:00:00Z",
      to: "2026-11-01T01:00:00Z",
      now: LATER,
      expected: ["2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z"],
    },
    {
      name: "ends next month: until the next month's first day",
      from: "2026-11-30T22:00:00Z",
      to: "2026-12-01T02:00:00Z",
      now: LATER,
      expected: ["2026-11-30T22:00:00Z", "2026-12-01T00:00:00Z"],
    },
    {
      name: "spans the whole month and more",
      from: "2026-09-01T00:00:00Z",
      to: "2027-01-01T00:00:00Z",
      now: LATER,
      expected: ["2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"],
    },
    {
      name: "open: runs until now",
      from: "2026-11-20T00:00:00Z",
      to: null,
      now: at("2026-11-25T08:00:00Z"),
      expected: ["2026-11-20T00:00:00Z", "2026-11-25T08:00:00Z"],
    },
    {
      name: "open, now after the month: until the month's end",
      from: "2026-11-20T00:00:00Z",
      to: null,
      now: LATER,
      expected: ["2026-11-20T00:00:00Z", "2026-12-01T00:00:00Z"],
    },
    {
      name: "closed after now: still only until now",
      from: "2026-11-20T00:00:00Z",
      to: "2026-11-28T00:00:00Z",
      now: at("2026-11-25T08:00:00Z"),
      expected: ["2026-11-20T00:00:00Z", "2026-11-25T08:00:00Z"],
    },
    {
      name: "ended when the month began",
      from: "2026-10-01T00:00:00Z",
      to: "2026-11-01T00:00:00Z",
      now: LATER,
    },
    { name: "starts when the month ends", from: "2026-12-01T00:00:00Z", to: null, now: LATER },
    { name: "starts after now", from: "2026-11-26T00:00:00Z", to: null, now: at("2026-11-25T08:00:00Z") },
  ])("$name", ({ from, to, now, expected }) => {
    const clipped = clipInterval({ from: at(from), to: to ? at(to) : null }, november, now);
    expect(clipped).toEqual(expected ? { from: at(expected[0]), to: at(expected[1]) } : null);
  });

  it("reads local midnight as UTC: an interval ending at 00:30 in Berlin on December 1st is in November", () => {
    // 2026-12-01T00:30+01:00 is 2026-11-30T23:30Z: still November in UTC.
    const clipped = clipInterval(
      { from: at("2026-11-30T22:00:00Z"), to: at("2026-12-01T00:30:00+01:00") },
      november,
      LATER,
    );
    expect(clipped?.to.toISOString()).toBe("2026-11-30T23:30:00.000Z");
  });
});
