import { describe, expect, it } from "vitest";
import { setCapacityOfferInput } from "./offer-input.js";
import { overlappingWindows } from "./offer-windows.js";

const base = { clusterId: "x", preemptible: false };

function problems(input: Record<string, unknown>): string[] {
  const result = setCapacityOfferInput.safeParse({ ...base, ...input });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

const window = (days: number[], start: string, end: string, timeZone = "Europe/Berlin") => ({
  days,
  start,
  end,
  timeZone,
});

describe("setCapacityOffer input", () => {
  it("accepts a complete offer", () => {
    expect(
      problems({
        caps: [
          { resource: "cpu", amount: 8000 },
          { resource: "memory", amount: 64 * 2 ** 30 },
          { resource: "ephemeral-storage", amount: 10 ** 11 },
          { resource: "storage:fast-ssd", amount: 10 ** 12 },
          { resource: "pods", amount: 110 },
          { resource: "gpu:nvidia.com-a100", amount: 2 },
        ],
        freeSharePercent: 50,
        windows: [window([1, 2, 3, 4, 5], "18:00", "08:00"), window([0, 6], "08:00", "24:00")],
        preemptible: true,
        gracePeriodSeconds: 300,
        allow: { tiers: ["TCC_MEMBER"] },
        deny: { tiers: ["VENDOR"] },
      }),
    ).toEqual([]);
  });

  it.each([
    ["negative", { caps: [{ resource: "cpu", amount: -1 }] }, ["caps.0.amount"]],
    ["fractional", { caps: [{ resource: "pods", amount: 1.5 }] }, ["caps.0.amount"]],
    ["absurd", { caps: [{ resource: "cpu", amount: 1e12 }] }, ["caps.0.amount"]],
    ["unknown resource", { caps: [{ resource: "bandwidth", amount: 1 }] }, ["caps.0.resource"]],
    ["bad storage class", { caps: [{ resource: "storage:", amount: 1 }] }, ["caps.0.resource"]],
    [
      "a resource twice",
      {
        caps: [
          { resource: "cpu", amount: 1 },
          { resource: "cpu", amount: 2 },
        ],
      },
      ["caps.1.resource"],
    ],
    ["share over 100", { freeSharePercent: 101 }, ["freeSharePercent"]],
    ["negative grace", { gracePeriodSeconds: -5 }, ["gracePeriodSeconds"]],
    ["unknown zone", { windows: [window([1], "09:00", "17:00", "Mars/Olympus")] }, ["windows.0.timeZone"]],
    ["bad clock", { windows: [window([1], "9:00", "25:00")] }, ["windows.0.start", "windows.0.end"]],
    ["bad day", { windows: [window([7], "09:00", "17:00")] }, ["windows.0.days.0"]],
    ["no day", { windows: [window([], "09:00", "17:00")] }, ["windows.0.days"]],
    ["a day twice", { windows: [window([1, 1], "09:00", "17:00")] }, ["windows.0.days"]],
    [
      "overlapping windows",
      { windows: [window([1], "09:00", "17:00"), window([1, 3], "16:00", "18:00")] },
      ["windows.1"],
    ],
    [
      "a tier both allowed and denied",
      { allow: { tiers: ["VENDOR"] }, deny: { tiers: ["VENDOR"] } },
      ["allow.tiers.0"],
    ],
    [
      "a cooperative both allowed and denied",
      { allow: { cooperativeIds: ["a", "b"] }, deny: { cooperativeIds: ["b"] } },
      ["allow.cooperativeIds.1"],
    ],
  ])("names the failing path: %s", (_case, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  it("reports every failing path at once", () => {
    expect(
      problems({
        caps: [{ resource: "cpu", amount: -1 }],
        freeSharePercent: 200,
        windows: [window([1], "09:00", "17:00", "Nowhere/City")],
      }),
    ).toEqual(["caps.0.amount", "freeSharePercent", "windows.0.timeZone"]);
  });
});

describe("overlappingWindows", () => {
  it.each([
    ["disjoint days", [window([1], "09:00", "17:00"), window([2], "09:00", "17:00")], []],
    ["touching ends", [window([1], "09:00", "17:00"), window([1], "17:00", "20:00")], []],
    ["overnight into the next day", [window([1], "22:00", "06:00"), window([2], "05:00", "07:00")], [[0, 1]]],
    ["Saturday night into Sunday", [window([6], "22:00", "02:00"), window([0], "01:00", "03:00")], [[0, 1]]],
    [
      "different zones are not compared",
      [window([1], "09:00", "17:00"), window([1], "09:00", "17:00", "UTC")],
      [],
    ],
  ])("%s", (_case, windows, expected) => {
    expect(overlappingWindows(windows)).toEqual(expected);
  });
});
