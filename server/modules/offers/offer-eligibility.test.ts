import { describe, expect, it } from "vitest";
import { mayUseOffer, offerOpenAt } from "./offer-eligibility.js";
import { storedOffer } from "./offer-fixtures.js";

const user = { cooperativeId: "coop-a", tier: "tcc_member" };
const none = { cooperatives: [], tiers: [] };

describe("mayUseOffer (the scheduler's offerEligibility rule)", () => {
  it.each([
    ["open to all", none, none, true],
    ["allowed by cooperative", { cooperatives: ["coop-a"], tiers: [] }, none, true],
    ["allowed by tier", { cooperatives: [], tiers: ["tcc_member"] }, none, true],
    ["not on a non-empty allow list", { cooperatives: ["coop-b"], tiers: ["vendor"] }, none, false],
    ["denied by cooperative", none, { cooperatives: ["coop-a"], tiers: [] }, false],
    [
      "denied by tier though allowed by cooperative",
      { cooperatives: ["coop-a"], tiers: [] },
      { cooperatives: [], tiers: ["tcc_member"] },
      false,
    ],
  ])("%s", (_case, allow, deny, expected) => {
    expect(mayUseOffer(storedOffer({ allow, deny }), user)).toBe(expected);
  });

  it("admits nobody but the owner to a paused offer", () => {
    const paused = storedOffer({ status: "paused" });
    expect(mayUseOffer(paused, user)).toBe(false);
    expect(mayUseOffer(paused, { cooperativeId: "coop-owner", tier: "vendor" })).toBe(true);
  });
});

describe("offerOpenAt", () => {
  const nights = storedOffer({
    windows: [{ days: [1], start: "22:00", end: "06:00", timeZone: "Europe/Berlin" }],
  });
  it.each([
    ["Monday 23:00 Berlin", "2026-11-23T22:00:00Z", true],
    ["Tuesday 05:59 Berlin (the window crosses midnight)", "2026-11-24T04:59:00Z", true],
    ["Tuesday 06:00 Berlin", "2026-11-24T05:00:00Z", false],
    ["Monday 21:00 Berlin", "2026-11-23T20:00:00Z", false],
  ])("%s", (_case, at, expected) => {
    expect(offerOpenAt(nights, new Date(at))).toBe(expected);
  });

  it("is always open without windows, never when withdrawn", () => {
    expect(offerOpenAt(storedOffer(), new Date())).toBe(true);
    expect(offerOpenAt(storedOffer({ status: "withdrawn" }), new Date())).toBe(false);
  });
});
