import { describe, expect, it } from "vitest";
import { sampleDelayMs } from "./sample-delay.js";

describe("sampleDelayMs", () => {
  it("keeps the sample interval when reading the cluster is quick", () => {
    expect(sampleDelayMs(15_000, 30_000, 50)).toBe(15_000);
    expect(sampleDelayMs(15_000, 30_000, 0)).toBe(15_000);
  });

  it("stretches to forty times the read on large clusters", () => {
    expect(sampleDelayMs(15_000, 30_000, 500)).toBe(20_000);
  });

  it("never waits longer than the status interval", () => {
    expect(sampleDelayMs(15_000, 30_000, 5_000)).toBe(30_000);
  });

  it("ignores a negative duration from a clock that stepped back", () => {
    expect(sampleDelayMs(15_000, 30_000, -400)).toBe(15_000);
  });
});
