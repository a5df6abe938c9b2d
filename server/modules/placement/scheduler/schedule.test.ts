import { describe, expect, it } from "vitest";
import { GIBIBYTE, newCluster, newContext, newRequest } from "./builders.js";
import { schedule } from "./schedule.js";
import type { ScoredCluster } from "./schedule-result.js";
import { DEFAULT_WEIGHTS } from "./scorer-chain.js";
import { tieBreakKey } from "./tie-break.js";
import type { ClusterCandidate } from "./types.js";

const cluster = (id: string, cpu: number, cooperativeId = `coop-of-${id}`): ClusterCandidate =>
  newCluster(id).withCooperative(cooperativeId).withCpu(cpu).withMemoryGi(256).build();

const context = newContext();

describe("Scheduler: schedule", () => {
  it("puts Divided replicas on the best cluster first and reserves replicas × perReplica", () => {
    const result = schedule(
      newRequest({ replicas: 3 }),
      [cluster("small", 4000), cluster("big", 32000)],
      context,
    );
    expect(result.ok && result.assignments).toEqual([
      {
        clusterId: "big",
        cooperativeId: "coop-of-big",
        offerId: "offer-big",
        offerVersion: 1,
        replicas: 3,
        reservation: { cpu: 3000, memory: 3 * GIBIBYTE },
      },
    ]);
  });

  it("splits Divided replicas when maxPerCluster is set", () => {
    const request = newRequest({ replicas: 5, spread: { maxPerCluster: 2 } });
    const clusters = [cluster("a", 32000), cluster("b", 16000), cluster("c", 8000)];
    const result = schedule(request, clusters, context);
    expect(result.ok && result.assignments.map((entry) => [entry.clusterId, entry.replicas])).toEqual([
      ["a", 2],
      ["b", 2],
      ["c", 1],
    ]);
  });

  it("limits replicas per cooperative", () => {
    const request = newRequest({ replicas: 4, spread: { maxPerCooperative: 2 } });
    const clusters = [
      cluster("a1", 32000, "coop-a"),
      cluster("a2", 32000, "coop-a"),
      cluster("b1", 8000, "coop-b"),
    ];
    const result = schedule(request, clusters, context);
    const byCooperative = new Map<string, number>();
    for (const entry of result.ok ? result.assignments : []) {
      byCooperative.set(entry.cooperativeId, (byCooperative.get(entry.cooperativeId) ?? 0) + entry.replicas);
    }
    expect(Object.fromEntries(byCooperative)).toEqual({ "coop-a": 2, "coop-b": 2 });
  });

  it("runs every replica on each of N clusters in Duplicated mode", () => {
    const request = newRequest({ replicas: 3, mode: { kind: "Duplicated", clusters: 2 } });
    const clusters = [cluster("a", 2000), cluster("b", 3000), cluster("c", 8000), cluster("d", 16000)];
    const result = schedule(request, clusters, context);
    expect(result.ok && result.assignments.map((entry) => [entry.clusterId, entry.replicas])).toEqual([
      ["d", 3],
      ["c", 3],
    ]);
    const filteredA = result.explanation.find((entry) => entry.clusterId === "a");
    expect(filteredA && "filtered" in filteredA && filteredA.filtered.filter).toBe("clusterFit");
  });

  it("answers NO_CAPACITY, reserving nothing, when the replicas do not fit", () => {
    const request = newRequest({ replicas: 10 });
    const result = schedule(request, [cluster("a", 4000), cluster("b", 3000)], context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("NO_CAPACITY");
    expect(result.placeableReplicas).toBe(7);
    expect(result.requestedReplicas).toBe(10);
    expect(
      result.explanation.every((entry) => !("chosenReplicas" in entry) || entry.chosenReplicas === 0),
    ).toBe(true);
  });

  it("explains every cluster: filtered ones by the first rejecting filter, the rest with scores", () => {
    const tainted = newCluster("tainted")
      .withCpu(8000)
      .withMemoryGi(32)
      .withTaint({ key: "maintenance", effect: "NoSelect" });
    const result = schedule(newRequest(), [tainted.build(), cluster("ok", 8000)], context);
    expect(result.explanation).toHaveLength(2);
    expect(result.explanation[1]).toEqual({
      clusterId: "tainted",
      filtered: { filter: "taintToleration", reason: "taint maintenance:NoSelect is not tolerated" },
    });
    const scored = result.explanation[0] as ScoredCluster;
    expect(scored.clusterId).toBe("ok");
    expect(scored.chosenReplicas).toBe(1);
    expect(Object.keys(scored.scores).sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort());
  });

  it("breaks ties by the placement's hash, not by name", () => {
    const ids = ["alpha", "bravo", "charlie", "delta", "echo"];
    const winners = new Set<string>();
    for (const placementId of ["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"]) {
      const result = schedule(
        newRequest({ id: placementId }),
        ids.map((id) => cluster(id, 8000, "coop-x")),
        context,
      );
      const expected = [...ids].sort((a, b) => tieBreakKey(placementId, a) - tieBreakKey(placementId, b))[0];
      expect(result.ok && result.assignments[0].clusterId).toBe(expected);
      winners.add(expected);
    }
    expect(winners.size).toBeGreaterThan(1);
  });

  it("lets weights change the ranking", () => {
    const flaky = newCluster("flaky").withCpu(64000).withMemoryGi(256).withLeaseLosses(4).build();
    const steady = cluster("steady", 8000);
    const chosen = (weights: typeof DEFAULT_WEIGHTS) => {
      const result = schedule(newRequest(), [flaky, steady], context, weights);
      return result.ok ? result.assignments[0].clusterId : "none";
    };
    expect(chosen(DEFAULT_WEIGHTS)).toBe("steady");
    expect(chosen({ ...DEFAULT_WEIGHTS, leaseLosses: 0 })).toBe("flaky");
  });

  it("refuses weights that are not finite numbers", () => {
    const weights = { ...DEFAULT_WEIGHTS, balance: Number.NaN };
    expect(() => schedule(newRequest(), [cluster("a", 8000)], context, weights)).toThrow(RangeError);
  });

  it("prefers the requester's own cluster when asked", () => {
    const own = cluster("own", 4000, "coop-requester");
    const request = newRequest({ constraints: { preferOwnClusters: true } });
    const result = schedule(request, [cluster("big", 64000), own], context);
    expect(result.ok && result.assignments[0].clusterId).toBe("own");
  });

  it("keeps running replicas where they are", () => {
    const current = newCluster("current")
      .withCpu(8000, 2000)
      .withMemoryGi(32)
      .withExistingReplicas(2)
      .build();
    const result = schedule(newRequest({ replicas: 2 }), [cluster("roomier", 16000), current], context);
    expect(result.ok && result.assignments.map((entry) => entry.clusterId)).toEqual(["current"]);
  });

  it("sees a cluster updated in place between two decisions", () => {
    const only = cluster("only", 8000);
    const request = newRequest({ replicas: 4 });
    expect(schedule(request, [only], context).ok).toBe(true);
    only.capacity.cpu.allocated = 6000;
    expect(schedule(request, [only], context).ok).toBe(false);
  });

  it("places zero replicas trivially", () => {
    expect(schedule(newRequest({ replicas: 0 }), [cluster("a", 8000)], context)).toMatchObject({
      ok: true,
      assignments: [],
    });
  });
});
