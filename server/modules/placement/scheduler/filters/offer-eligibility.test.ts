import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import type { OfferAudience } from "../types.js";
import { offerEligibility } from "./offer-eligibility.js";

describe("Filter: offer eligibility", () => {
  it.each<{ name: string; allow: OfferAudience; deny: OfferAudience; ok: boolean }>([
    { name: "an offer without lists admits everyone", allow: {}, deny: {}, ok: true },
    {
      name: "an allow list naming the cooperative admits it",
      allow: { cooperatives: ["coop-requester"] },
      deny: {},
      ok: true,
    },
    { name: "an allow list naming the tier admits it", allow: { tiers: ["tcc-member"] }, deny: {}, ok: true },
    {
      name: "an allow list naming neither rejects",
      allow: { cooperatives: ["coop-x"], tiers: ["vendor"] },
      deny: {},
      ok: false,
    },
    { name: "empty allow lists say nothing", allow: { cooperatives: [], tiers: [] }, deny: {}, ok: true },
    {
      name: "the deny list rejects the cooperative",
      allow: {},
      deny: { cooperatives: ["coop-requester"] },
      ok: false,
    },
    { name: "the deny list rejects the tier", allow: {}, deny: { tiers: ["tcc-member"] }, ok: false },
    {
      name: "deny wins over allow",
      allow: { cooperatives: ["coop-requester"] },
      deny: { tiers: ["tcc-member"] },
      ok: false,
    },
  ])("$name", ({ allow, deny, ok }) => {
    const cluster = newCluster("c1").withOffer({ allow, deny }).build();
    expect(offerEligibility(cluster, newRequest(), newContext()).ok).toBe(ok);
  });

  it("rejects a cluster that is not offered", () => {
    const cluster = newCluster("c1").withoutOffer().build();
    expect(offerEligibility(cluster, newRequest(), newContext())).toEqual({
      ok: false,
      reason: "cluster is not offered to the alliance",
    });
  });

  it("lets the owner use its own cluster without an offer", () => {
    const cluster = newCluster("c1").withCooperative("coop-requester").withoutOffer().build();
    expect(offerEligibility(cluster, newRequest(), newContext()).ok).toBe(true);
  });
});
