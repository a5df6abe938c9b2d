import type { CapacityOffer } from "./capacity-offer.entity.js";

/** A stored offer version for unit tests: active, open to everyone, always, without limits. */
export function storedOffer(overrides: Partial<CapacityOffer> = {}): CapacityOffer {
  return {
    id: "offer-1",
    clusterId: "cluster-1",
    cooperativeId: "coop-owner",
    version: 3,
    status: "active",
    caps: {},
    freeSharePercent: null,
    allow: { cooperatives: [], tiers: [] },
    deny: { cooperatives: [], tiers: [] },
    windows: [],
    preemptible: false,
    gracePeriodSeconds: 0,
    createdById: "person-1",
    createdAt: new Date("2026-11-25T10:00:00Z"),
    supersededAt: null,
    ...overrides,
  };
}
