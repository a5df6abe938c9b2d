import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GIBIBYTE, newCluster, newContext, newRequest } from "./builders.js";
import { schedule } from "./schedule.js";
import type { ScheduleResult } from "./schedule-result.js";
import type { ClusterCandidate, PlacementRequest } from "./types.js";

const COOPERATIVES = ["coop-a", "coop-b", "coop-c", "coop-d", "coop-e", "coop-requester"];

/** Mostly true, so that most generated clusters survive the filters and the capacity properties get exercised. */
const MOSTLY = fc.integer({ min: 0, max: 9 }).map((value) => value > 0);
const RARELY = MOSTLY.map((value) => !value);

const clusterArbitrary = (id: string): fc.Arbitrary<ClusterCandidate> =>
  fc
    .record({
      cooperativeId: fc.constantFrom(...COOPERATIVES),
      cpu: fc.integer({ min: 0, max: 32_000 }),
      cpuAllocated: fc.integer({ min: 0, max: 20_000 }),
      memoryGi: fc.integer({ min: 0, max: 128 }),
      memoryAllocatedGi: fc.integer({ min: 0, max: 64 }),
      shapes: fc.array(
        fc.record({
          cpuMillis: fc.integer({ min: 0, max: 16_000 }),
          memoryBytes: fc.integer({ min: 0, max: 64 }).map((gi) => gi * GIBIBYTE),
          count: fc.integer({ min: 1, max: 5 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      cap: fc.option(fc.integer({ min: 0, max: 16_000 }), { nil: undefined }),
      share: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      usedCpu: fc.integer({ min: 0, max: 8_000 }),
      offered: MOSTLY,
      healthy: MOSTLY,
      tainted: RARELY,
      leaseLosses: fc.integer({ min: 0, max: 5 }),
      existing: fc.integer({ min: 0, max: 3 }),
      jurisdiction: fc.constantFrom("EU", "EU", "CH", "US"),
    })
    .map((spec) => {
      const builder = newCluster(id)
        .withCooperative(spec.cooperativeId)
        .withCpu(spec.cpu, Math.max(spec.cpuAllocated, spec.usedCpu))
        .withMemoryGi(spec.memoryGi, spec.memoryAllocatedGi)
        .withNodeShapes(...spec.shapes)
        .withOffer({
          caps: spec.cap === undefined ? undefined : { cpu: spec.cap },
          freeShare: spec.share,
          usedByAlliance: { cpu: spec.usedCpu },
        })
        .withLabels({ "alliance.coop/jurisdiction": spec.jurisdiction })
        .withLeaseLosses(spec.leaseLosses)
        .withExistingReplicas(spec.existing);
      if (!spec.offered) builder.withoutOffer();
      if (!spec.healthy) builder.withCondition("Available", "Unknown");
      if (spec.tainted) builder.withTaint({ key: "maintenance", effect: "NoSelect" });
      return builder.build();
    });

const clustersArbitrary: fc.Arbitrary<ClusterCandidate[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 12 })
  .chain((numbers) => fc.tuple(...numbers.map((number) => clusterArbitrary(`cluster-${number}`))));

const requestArbitrary: fc.Arbitrary<PlacementRequest> = fc
  .record({
    replicas: fc.integer({ min: 0, max: 12 }),
    cpu: fc.integer({ min: 100, max: 4_000 }),
    memoryGi: fc.integer({ min: 0, max: 8 }),
    duplicated: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    maxPerCluster: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    maxPerCooperative: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    excludeOwnClusters: fc.boolean(),
    preferOwnClusters: fc.boolean(),
    jurisdictions: fc.option(fc.subarray(["EU", "CH", "US"], { minLength: 1 }), { nil: undefined }),
  })
  .map((spec) =>
    newRequest({
      id: "placement-property",
      replicas: spec.replicas,
      perReplica: { cpu: spec.cpu, memory: spec.memoryGi * GIBIBYTE },
      mode:
        spec.duplicated === undefined
          ? { kind: "Divided" }
          : { kind: "Duplicated", clusters: spec.duplicated },
      spread: { maxPerCluster: spec.maxPerCluster, maxPerCooperative: spec.maxPerCooperative },
      constraints: {
        excludeOwnClusters: spec.excludeOwnClusters,
        preferOwnClusters: spec.preferOwnClusters,
        jurisdictions: spec.jurisdictions,
      },
    }),
  );

const context = newContext();

/** Independent oracle: the most of `resource` a placement may reserve on the cluster. */
function mostReservable(cluster: ClusterCandidate, request: PlacementRequest, resource: string): number {
  const entry = cluster.capacity[resource] ?? { allocatable: 0, allocated: 0, pending: 0 };
  const credit = cluster.existingReplicas * (request.perReplica[resource] ?? 0);
  const free = Math.max(0, entry.allocatable - entry.allocated - entry.pending);
  const clusterRoom = free + credit;
  if (cluster.cooperativeId === request.requesterCooperativeId) return clusterRoom;
  const offer = cluster.offer;
  if (offer === undefined) return 0;
  const used = offer.usedByAlliance[resource] ?? 0;
  let offered = offer.caps?.[resource] ?? Number.POSITIVE_INFINITY;
  if (offer.freeShare !== undefined) offered = Math.min(offered, offer.freeShare * (free + used));
  return Math.min(clusterRoom, Math.max(0, offered - Math.max(0, used - credit)));
}

/** Independent oracle: replicas of the request one cluster can take (resources, node shapes, maxPerCluster). */
function replicasThatFit(cluster: ClusterCandidate, request: PlacementRequest): number {
  let fit = Math.min(request.replicas, request.spread.maxPerCluster ?? Number.POSITIVE_INFINITY);
  for (const [resource, amount] of Object.entries(request.perReplica)) {
    if (amount > 0) fit = Math.min(fit, Math.floor(mostReservable(cluster, request, resource) / amount));
  }
  const cpu = request.perReplica.cpu ?? 0;
  const memory = request.perReplica.memory ?? 0;
  let onNodes = cluster.existingReplicas;
  for (const shape of cluster.nodeShapes) {
    const byCpu = cpu > 0 ? Math.floor(shape.cpuMillis / cpu) : Number.POSITIVE_INFINITY;
    const byMemory = memory > 0 ? Math.floor(shape.memoryBytes / memory) : Number.POSITIVE_INFINITY;
    onNodes += Math.min(byCpu, byMemory) * shape.count;
  }
  return Math.min(fit, onNodes);
}

function requestedTotal(request: PlacementRequest): number {
  return request.mode.kind === "Duplicated" ? request.replicas * request.mode.clusters : request.replicas;
}

function chosen(result: ScheduleResult): Map<string, number> {
  const replicas = new Map<string, number>();
  if (result.ok) for (const entry of result.assignments) replicas.set(entry.clusterId, entry.replicas);
  return replicas;
}

const RUNS = { numRuns: 300 };
/** Over-commit is the property that matters most; more runs make a rare binding offer likely to show up. */
const MANY_RUNS = { numRuns: 1000 };

describe("Scheduler properties", () => {
  it("never reserves more than an offer's free part or a cluster's free capacity", () => {
    fc.assert(
      fc.property(requestArbitrary, clustersArbitrary, (request, clusters) => {
        const result = schedule(request, clusters, context);
        for (const assignment of result.ok ? result.assignments : []) {
          const cluster = clusters.find((candidate) => candidate.id === assignment.clusterId);
          if (cluster === undefined) return false;
          expect(assignment.replicas).toBeLessThanOrEqual(replicasThatFit(cluster, request));
          for (const resource of Object.keys(assignment.reservation)) {
            expect(assignment.reservation[resource]).toBe(assignment.replicas * request.perReplica[resource]);
            expect(assignment.reservation[resource]).toBeLessThanOrEqual(
              mostReservable(cluster, request, resource),
            );
          }
        }
        return true;
      }),
      MANY_RUNS,
    );
  });

  it("places exactly the requested replicas, or answers NO_CAPACITY and chooses nothing", () => {
    fc.assert(
      fc.property(requestArbitrary, clustersArbitrary, (request, clusters) => {
        const result = schedule(request, clusters, context);
        if (!result.ok) {
          expect(result.code).toBe("NO_CAPACITY");
          expect(result.placeableReplicas).toBeLessThan(requestedTotal(request));
          for (const entry of result.explanation)
            if ("chosenReplicas" in entry) expect(entry.chosenReplicas).toBe(0);
          return;
        }
        const total = result.assignments.reduce((sum, entry) => sum + entry.replicas, 0);
        expect(total).toBe(requestedTotal(request));
        if (request.mode.kind === "Duplicated") {
          for (const entry of result.assignments) expect(entry.replicas).toBe(request.replicas);
        }
      }),
      RUNS,
    );
  });

  it("respects maxPerCluster and maxPerCooperative", () => {
    fc.assert(
      fc.property(requestArbitrary, clustersArbitrary, (request, clusters) => {
        const result = schedule(request, clusters, context);
        const perCooperative = new Map<string, number>();
        for (const entry of result.ok ? result.assignments : []) {
          expect(entry.replicas).toBeLessThanOrEqual(
            request.spread.maxPerCluster ?? Number.POSITIVE_INFINITY,
          );
          perCooperative.set(
            entry.cooperativeId,
            (perCooperative.get(entry.cooperativeId) ?? 0) + entry.replicas,
          );
        }
        for (const replicas of perCooperative.values()) {
          expect(replicas).toBeLessThanOrEqual(request.spread.maxPerCooperative ?? Number.POSITIVE_INFINITY);
        }
      }),
      RUNS,
    );
  });

  it("is deterministic and ignores input order", () => {
    fc.assert(
      fc.property(
        requestArbitrary,
        clustersArbitrary.chain((clusters) =>
          fc.tuple(fc.constant(clusters), fc.shuffledSubarray(clusters, { minLength: clusters.length })),
        ),
        (request, [clusters, shuffled]) => {
          const first = schedule(request, clusters, context);
          expect(schedule(request, clusters, context)).toEqual(first);
          const reordered = schedule(request, shuffled, context);
          expect(reordered.ok).toBe(first.ok);
          if (first.ok && reordered.ok) expect(reordered.assignments).toEqual(first.assignments);
          const byCluster = (result: ScheduleResult) =>
            new Map(result.explanation.map((entry) => [entry.clusterId, entry]));
          expect(byCluster(reordered)).toEqual(byCluster(first));
        },
      ),
      RUNS,
    );
  });

  it("explains each cluster once and never chooses a filtered one", () => {
    fc.assert(
      fc.property(requestArbitrary, clustersArbitrary, (request, clusters) => {
        const result = schedule(request, clusters, context);
        expect(result.explanation.map((entry) => entry.clusterId).sort()).toEqual(
          clusters.map((cluster) => cluster.id).sort(),
        );
        const replicas = chosen(result);
        for (const entry of result.explanation) {
          if ("filtered" in entry) expect(replicas.has(entry.clusterId)).toBe(false);
          else expect(entry.chosenReplicas).toBe(replicas.get(entry.clusterId) ?? 0);
        }
      }),
      RUNS,
    );
  });

  it("uses all the room there is: in Divided mode without a cooperative cap, placeable = min(requested, Σ fit)", () => {
    fc.assert(
      fc.property(requestArbitrary, clustersArbitrary, (request, clusters) => {
        if (request.mode.kind !== "Divided" || request.spread.maxPerCooperative !== undefined) return;
        const result = schedule(request, clusters, context);
        const scoredIds = new Set(
          result.explanation.filter((entry) => "scores" in entry).map((entry) => entry.clusterId),
        );
        const room = clusters
          .filter((cluster) => scoredIds.has(cluster.id))
          .reduce((sum, cluster) => sum + replicasThatFit(cluster, request), 0);
        const placeable = result.ok ? request.replicas : result.placeableReplicas;
        expect(placeable).toBe(Math.min(request.replicas, room));
      }),
      RUNS,
    );
  });
});
