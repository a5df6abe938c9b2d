import { describe, expect, it } from "vitest";
import {
  decayedUsage,
  decayWeight,
  FAIR_SHARE_FLOOR,
  fairShareFactor,
  HALF_LIFE_SECONDS,
  type UsageRecord,
} from "./fair-share.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

describe("Ledger: decay", () => {
  it.each([
    { name: "a fresh record counts fully", at: daysAgo(0), weight: 1 },
    { name: "a week-old record counts half", at: daysAgo(7), weight: 0.5 },
    { name: "a two-week-old record counts a quarter", at: daysAgo(14), weight: 0.25 },
    { name: "a record dated in the future counts fully", at: daysAgo(-1), weight: 1 },
  ])("$name", ({ at, weight }) => {
    expect(decayWeight(at, NOW)).toBeCloseTo(weight, 12);
  });

  it("uses a 7-day half-life", () => {
    expect(HALF_LIFE_SECONDS).toBe(604_800);
  });
});

describe("Ledger: decayed provided (S) and used (U) per cooperative", () => {
  const records: UsageRecord[] = [
    { providerCooperativeId: "a", consumerCooperativeId: "b", resourceSeconds: 1000, at: daysAgo(0) },
    { providerCooperativeId: "a", consumerCooperativeId: "c", resourceSeconds: 400, at: daysAgo(7) },
    { providerCooperativeId: "b", consumerCooperativeId: "a", resourceSeconds: 800, at: daysAgo(14) },
    { providerCooperativeId: "c", consumerCooperativeId: "c", resourceSeconds: 9999, at: daysAgo(0) },
  ];

  it("credits the provider and debits the consumer with decayed amounts, skipping use of one's own cluster", () => {
    const usage = decayedUsage(records, NOW);
    expect(Object.fromEntries(usage)).toEqual({
      a: { provided: 1200, used: 200 },
      b: { provided: 200, used: 1000 },
      c: { provided: 0, used: 200 },
    });
  });

  it("gives nothing for no records", () => {
    expect(decayedUsage([], NOW).size).toBe(0);
  });
});

describe("Ledger: fair-share factor F = 2^(-U/S)", () => {
  it.each([
    { name: "a newcomer (S=0, U=0) gets 1", provided: 0, used: 0, factor: 1 },
    { name: "a provider that used nothing gets 1", provided: 500, used: 0, factor: 1 },
    { name: "using what one provided gives 1/2", provided: 500, used: 500, factor: 0.5 },
    { name: "using half of it gives 2^-0.5", provided: 1000, used: 500, factor: 2 ** -0.5 },
    { name: "using twice as much gives 1/4", provided: 500, used: 1000, factor: 0.25 },
    {
      name: "using without providing (S=0, U>0) gets the floor",
      provided: 0,
      used: 10,
      factor: FAIR_SHARE_FLOOR,
    },
    {
      name: "using twenty times as much is held at the floor",
      provided: 1,
      used: 20,
      factor: FAIR_SHARE_FLOOR,
    },
  ])("$name", ({ provided, used, factor }) => {
    expect(fairShareFactor({ provided, used })).toBeCloseTo(factor, 12);
  });

  it("has a floor of 2^-10, above zero", () => {
    expect(FAIR_SHARE_FLOOR).toBe(1 / 1024);
  });
});
