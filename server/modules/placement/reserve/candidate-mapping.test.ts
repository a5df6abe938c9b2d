import { describe, expect, it } from "vitest";
import type { MemberCluster } from "../../clusters/member-cluster.entity.js";
import { storedOffer } from "../../offers/offer-fixtures.js";
import { toCandidate } from "./candidate-mapping.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const figures = (allocatable: number, allocated: number) => ({
  capacity: allocatable,
  allocatable,
  allocated,
  pending: 5,
});

function stored(overrides: Partial<MemberCluster> = {}): MemberCluster {
  return {
    id: "cluster-1",
    cooperativeId: "coop-owner",
    acceptance: "accepted",
    revokedAt: null,
    conditions: [
      {
        type: "Available",
        status: "True",
        reason: "LeaseRenewed",
        message: "",
        lastTransitionTime: NOW.toISOString(),
      },
    ],
    taints: [],
    labels: { country: "DE", jurisdiction: "EU", region: "eu-central" },
    leaseLostAt: null,
    latestReport: {
      resources: { cpu: figures(8000, 1000), memory: figures(1000, 100) },
      gpus: { "nvidia-a100": figures(4, 1) },
      freeNodeShapes: [{ cpuAtLeastMillicores: 2000, memoryAtLeastBytes: 400, nodes: 3 }],
    },
    ...overrides,
  } as MemberCluster;
}

describe("toCandidate", () => {
  it("adds live reservations on top of the report and counts guests' as the offer's use", () => {
    const candidate = toCandidate(
      stored(),
      storedOffer({ clusterId: "cluster-1", caps: { cpu: 4000 } }),
      { total: { cpu: 1500, "gpu:nvidia-a100": 1 }, guests: { cpu: 1000 } },
      NOW,
    );
    expect(candidate.capacity).toEqual({
      cpu: { allocatable: 8000, allocated: 2500, pending: 5 },
      memory: { allocatable: 1000, allocated: 100, pending: 5 },
      "gpu:nvidia-a100": { allocatable: 4, allocated: 2, pending: 5 },
    });
    expect(candidate.offer).toMatchObject({ caps: { cpu: 4000 }, usedByAlliance: { cpu: 1000 }, version: 3 });
    expect(candidate.nodeShapes).toEqual([{ cpuMillis: 2000, memoryBytes: 400, count: 3 }]);
  });

  it("gives a storage class capacity only as far as the offer caps it", () => {
    const report = {
      resources: { cpu: figures(8000, 0) },
      storageClasses: { fast: { allocated: 100, pending: 10 }, slow: { allocated: 0, pending: 0 } },
    };
    const candidate = toCandidate(
      stored({ latestReport: report }),
      storedOffer({ caps: { "storage:fast": 1000 } }),
      { total: { "storage:fast": 300 }, guests: { "storage:fast": 300 } },
      NOW,
    );
    // Free = allocatable - allocated - pending = (1000 + 100 + 10) - (100 + 300) - 10 = 700 = cap - reserved.
    expect(candidate.capacity["storage:fast"]).toEqual({ allocatable: 1110, allocated: 400, pending: 10 });
    expect(candidate.capacity).not.toHaveProperty("storage:slow");
    const paused = toCandidate(
      stored({ latestReport: report }),
      storedOffer({ status: "paused", caps: { "storage:fast": 1000 } }),
      undefined,
      NOW,
    );
    expect(paused.capacity).not.toHaveProperty("storage:fast");
  });

  it("maps the registry's residency labels to the scheduler's keys, an explicit alliance.coop label winning", () => {
    expect(toCandidate(stored(), undefined, undefined, NOW).labels).toMatchObject({
      "alliance.coop/country": "DE",
      "alliance.coop/jurisdiction": "EU",
      region: "eu-central",
    });
    const explicit = stored({ labels: { country: "DE", "alliance.coop/country": "AT" } });
    expect(toCandidate(explicit, undefined, undefined, NOW).labels["alliance.coop/country"]).toBe("AT");
  });

  it("maps Kubernetes taint effects to the scheduler's", () => {
    const timeAdded = NOW.toISOString();
    const candidate = toCandidate(
      stored({
        taints: [
          { key: "alliance.coop/unreachable", value: "", effect: "NoSchedule", timeAdded },
          { key: "evict", value: "", effect: "NoExecute", timeAdded },
          { key: "soft", value: "", effect: "PreferNoSchedule", timeAdded },
        ],
      }),
      undefined,
      undefined,
      NOW,
    );
    expect(candidate.taints.map((taint) => taint.effect)).toEqual([
      "NoSelectIfNew",
      "NoSelect",
      "PreferNoSelect",
    ]);
    expect(candidate.taints[0].timeAdded).toEqual(NOW);
  });

  it("offers nothing for a paused offer, and counts a lease lost within a day", () => {
    const candidate = toCandidate(
      stored({ leaseLostAt: new Date(NOW.getTime() - 3600_000) }),
      storedOffer({ status: "paused" }),
      undefined,
      NOW,
    );
    expect(candidate.offer).toBeUndefined();
    expect(candidate.recentLeaseLosses).toBe(1);
    expect(toCandidate(stored({ latestReport: null }), undefined, undefined, NOW).capacity).toEqual({});
  });
});
