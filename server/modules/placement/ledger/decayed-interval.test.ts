import { describe, expect, it } from "vitest";
import { decayedIntervalSeconds } from "./decayed-interval.js";
import { decayWeight, HALF_LIFE_SECONDS } from "./fair-share.js";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("decayedIntervalSeconds", () => {
  it("counts a fresh second almost fully", () => {
    expect(decayedIntervalSeconds(1, ago(1), now, now)).toBeCloseTo(1, 4);
  });

  it("equals the sum of many small decayed records", () => {
    const from = ago(10 * 86_400);
    const to = ago(86_400);
    let summed = 0;
    for (let t = from.getTime(); t < to.getTime(); t += 60_000)
      summed += 2 * 60 * decayWeight(new Date(t + 30_000), now);
    expect(decayedIntervalSeconds(2, from, to, now)).toBeCloseTo(summed, 0);
  });

  it("halves a one-second interval one half-life ago", () => {
    expect(decayedIntervalSeconds(1, ago(HALF_LIFE_SECONDS + 1), ago(HALF_LIFE_SECONDS), now)).toBeCloseTo(
      0.5,
      4,
    );
  });

  it("ignores time after now, reversed intervals and non-positive rates", () => {
    expect(decayedIntervalSeconds(1, ago(10), new Date(now.getTime() + 3_600_000), now)).toBeCloseTo(10, 2);
    expect(decayedIntervalSeconds(1, now, ago(10), now)).toBe(0);
    expect(decayedIntervalSeconds(0, ago(10), now, now)).toBe(0);
    expect(decayedIntervalSeconds(-1, ago(10), now, now)).toBe(0);
  });
});
