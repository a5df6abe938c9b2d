import { describe, expect, it } from "vitest";
import { localTime, parseClock } from "./local-time.js";

describe("Local time", () => {
  it.each([
    { clock: "00:00", minutes: 0 },
    { clock: "08:30", minutes: 510 },
    { clock: "23:59", minutes: 1439 },
    { clock: "24:00", minutes: 1440 },
    { clock: "24:01", minutes: Number.NaN },
    { clock: "12:60", minutes: Number.NaN },
    { clock: "8:30", minutes: Number.NaN },
    { clock: "08-30", minutes: Number.NaN },
    { clock: "ab:cd", minutes: Number.NaN },
  ])("parses $clock as $minutes minutes", ({ clock, minutes }) => {
    expect(parseClock(clock)).toBe(minutes);
  });

  it.each([
    { zone: "UTC", day: 3, minutes: 12 * 60 },
    { zone: "Europe/Berlin", day: 3, minutes: 13 * 60 },
    { zone: "Pacific/Kiritimati", day: 4, minutes: 2 * 60 },
    { zone: "America/Los_Angeles", day: 3, minutes: 4 * 60 },
  ])("reads Wednesday 12:00 UTC in $zone", ({ zone, day, minutes }) => {
    expect(localTime(new Date("2026-11-25T12:00:00Z"), zone)).toEqual({ day, minutes });
  });

  it("answers for the new instant after the clock moves", () => {
    expect(localTime(new Date("2026-11-25T12:00:00Z"), "UTC").minutes).toBe(720);
    expect(localTime(new Date("2026-11-25T12:01:00Z"), "UTC").minutes).toBe(721);
  });

  it("rejects an unknown time zone", () => {
    expect(() => localTime(new Date("2026-11-25T12:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
