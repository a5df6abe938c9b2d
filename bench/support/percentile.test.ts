import { describe, expect, it } from "vitest";
import { mean, percentile } from "./percentile.js";

const HUNDRED = Array.from({ length: 100 }, (_value, index) => 100 - index);

describe("Percentiles of measured latencies", () => {
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0, 1],
  ])("takes the nearest rank: p%d of 1..100 is %d", (p, expected) => {
    expect(percentile(HUNDRED, p)).toBe(expected);
  });

  it("does not reorder the caller's values", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it("has no percentile and no mean of nothing", () => {
    expect(percentile([], 95)).toBeNaN();
    expect(mean([])).toBeNaN();
  });

  it("averages", () => {
    expect(mean([1, 2, 6])).toBe(3);
  });
});
