import { describe, expect, it } from "vitest";
import { parseSchedulerWeights } from "./parse-weights.js";
import { DEFAULT_WEIGHTS } from "./scorer-chain.js";

describe("parseSchedulerWeights", () => {
  it("gives the defaults for empty text", () => {
    expect(parseSchedulerWeights("")).toEqual({ ok: true, weights: DEFAULT_WEIGHTS });
    expect(parseSchedulerWeights(" , ")).toEqual({ ok: true, weights: DEFAULT_WEIGHTS });
  });

  it("overrides only the scorers named, spaces allowed, 0 switches one off", () => {
    expect(parseSchedulerWeights("balance=2.5, preferOwn = 0")).toEqual({
      ok: true,
      weights: { ...DEFAULT_WEIGHTS, balance: 2.5, preferOwn: 0 },
    });
  });

  it.each([
    ["speed=3", /unknown scorer "speed"/],
    ["balance", /balance needs a number/],
    ["balance=", /balance needs a number/],
    ["balance=-1", /balance needs a number/],
    ["balance=101", /balance needs a number/],
    ["balance=1=2", /balance needs a number/],
    ["balance=Infinity", /balance needs a number/],
  ])("refuses %s", (text, problem) => {
    const result = parseSchedulerWeights(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(problem)]);
  });

  it("reports every problem at once", () => {
    const result = parseSchedulerWeights("speed=1,balance=x");
    expect(result.ok ? [] : result.problems).toHaveLength(2);
  });
});
