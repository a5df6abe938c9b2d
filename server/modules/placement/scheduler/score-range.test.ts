import { describe, expect, it } from "vitest";
import { clampScore } from "./score-range.js";

describe("Score range", () => {
  it.each([
    { value: 42.4, score: 42 },
    { value: 250, score: 100 },
    { value: -250, score: -100 },
    { value: Number.POSITIVE_INFINITY, score: 100 },
    { value: Number.NaN, score: 0 },
    { value: -0, score: 0 },
  ])("clamps $value to $score", ({ value, score }) => {
    expect(clampScore(value)).toBe(score);
  });
});
