import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import type { ClusterOffer, PlacementMode } from "../types.js";
import { offerFit } from "./offer-fit.js";

const DIVIDED: PlacementMode = { kind: "Divided" };
const duplicated = (replicas: number): { mode: PlacementMode; replicas: number } => ({
  mode: { kind: "Duplicated", clusters: 1 },
  replicas,
});

describe("Filter: offer fit (1 cpu / 1 GiB per replica)", () => {
  it.each<{
    name: string;
    offer: Partial<ClusterOffer>;
    allocatedCpu?: number;
    existing?: number;
    owner?: string;
    request: { mode: PlacementMode; replicas: number };
    ok: boolean;
  }>([
    {
      name: "no caps and no share: the cluster's free capacity is offered",
      offer: {},
      request: duplicated(8),
      ok: true,
    },
    {
      name: "a cap of 2 cpu holds one Divided replica",
      offer: { caps: { cpu: 2000 } },
      request: { mode: DIVIDED, replicas: 5 },
      ok: true,
    },
    {
      name: "a cap of 2 cpu cannot hold 3 Duplicated replicas",
      offer: { caps: { cpu: 2000 } },
      request: duplicated(3),
      ok: false,
    },
    {
      name: "what the alliance already uses comes off the cap",
      offer: { caps: { cpu: 4000 }, usedByAlliance: { cpu: 3500 } },
      allocatedCpu: 3500,
      request: duplicated(1),
      ok: false,
    },
    {
      // 4 cpu allocated (2 by guests), 4 free: spare 6, half is 3, minus the 2 guests use = 1 cpu left.
      name: "a 50 % share counts the alliance's use inside the share (1 replica fits)",
      offer: { freeShare: 0.5, usedByAlliance: { cpu: 2000 } },
      allocatedCpu: 4000,
      request: duplicated(1),
      ok: true,
    },
    {
      name: "a 50 % share counts the alliance's use inside the share (2 replicas do not)",
      offer: { freeShare: 0.5, usedByAlliance: { cpu: 2000 } },
      allocatedCpu: 4000,
      request: duplicated(2),
      ok: false,
    },
    {
      name: "cap and share together: the smaller one wins",
      offer: { freeShare: 1, caps: { cpu: 1000 } },
      request: duplicated(2),
      ok: false,
    },
    {
      name: "a cap on another resource does not limit cpu",
      offer: { caps: { "gpu:a100": 0 } },
      request: duplicated(4),
      ok: true,
    },
    {
      name: "replicas already running here are credited back",
      offer: { caps: { cpu: 2000 }, usedByAlliance: { cpu: 2000 } },
      allocatedCpu: 2000,
      existing: 2,
      request: duplicated(2),
      ok: true,
    },
    {
      name: "the owner is not limited by its own offer",
      offer: { caps: { cpu: 0 } },
      owner: "coop-requester",
      request: duplicated(4),
      ok: true,
    },
  ])("$name", ({ offer, allocatedCpu, existing, owner, request, ok }) => {
    const cluster = newCluster("c1")
      .withCooperative(owner ?? "coop-owner")
      .withCpu(8000, allocatedCpu ?? 0)
      .withMemoryGi(32)
      .withOffer(offer)
      .withExistingReplicas(existing ?? 0)
      .build();
    expect(offerFit(cluster, newRequest(request), newContext()).ok).toBe(ok);
  });

  it("names the binding resource and the amounts", () => {
    const cluster = newCluster("c1")
      .withCpu(8000)
      .withMemoryGi(32)
      .withOffer({ id: "o1", caps: { cpu: 2000 } })
      .build();
    expect(offerFit(cluster, newRequest(duplicated(3)), newContext())).toEqual({
      ok: false,
      reason: "offer o1 has 2000 cpu free, 3 replica(s) need 3000",
    });
  });

  it("rejects a cluster without an offer", () => {
    const cluster = newCluster("c1").withCpu(8000).withMemoryGi(32).withoutOffer().build();
    expect(offerFit(cluster, newRequest(), newContext()).ok).toBe(false);
  });
});
