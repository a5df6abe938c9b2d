import { describe, expect, it } from "vitest";
import { Backoff, backoffDelay } from "./backoff.js";

describe("Exponential backoff with full jitter", () => {
  const options = { baseMs: 1000, capMs: 30_000 };

  it.each([
    [0, 1000],
    [1, 2000],
    [2, 4000],
    [4, 16_000],
    [5, 30_000],
    [100, 30_000],
  ])("caps attempt %d at %d ms", (attempt, ceiling) => {
    expect(backoffDelay(attempt, { ...options, random: () => 0.999999 })).toBe(ceiling - 1);
    expect(backoffDelay(attempt, { ...options, random: () => 0 })).toBe(0);
  });

  it("picks uniformly below the ceiling", () => {
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(4000);
  });

  it("grows per failure and starts over after a reset", () => {
    const backoff = new Backoff({ ...options, random: () => 0.5 });
    expect([backoff.nextDelay(), backoff.nextDelay(), backoff.nextDelay()]).toEqual([500, 1000, 2000]);
    expect(backoff.failures).toBe(3);
    backoff.reset();
    expect(backoff.failures).toBe(0);
    expect(backoff.nextDelay()).toBe(500);
  });
});
