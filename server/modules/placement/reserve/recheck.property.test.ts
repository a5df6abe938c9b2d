import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MemberCluster } from "../../clusters/member-cluster.entity.js";
import { storedOffer } from "../../offers/offer-fixtures.js";
import { schedule } from "../scheduler/schedule.js";
import type { Assignment } from "../scheduler/schedule-result.js";
import type { PlacementRequest, ResourceAmounts } from "../scheduler/types.js";
import { type ClusterReservations, toCandidate } from "./candidate-mapping.js";
import { recheckAssignments } from "./recheck.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const GI = 1024 ** 3;

interface ClusterSpec {
  cpu: number;
  cpuAllocated: number;
  memoryGi: number;
  cap: number | undefined;
  sharePercent: number | undefined;
  owner: string;
}

interface Reservation {
  clusterId: string;
  consumer: string;
  amounts: ResourceAmounts;
}

function storedCluster(id: string, spec: ClusterSpec): MemberCluster {
  const condition = (type: string) => ({
    type,
    status: "True",
    reason: "Test",
    message: "",
    lastTransitionTime: NOW.toISOString(),
  });
  const figures = (allocatable: number, allocated: number) => ({
    capacity: allocatable,
    allocatable,
    allocated,
    pending: 0,
  });
  return {
    id,
    cooperativeId: spec.owner,
    acceptance: "accepted",
    revokedAt: null,
    conditions: [condition("Available"), condition("CapacityFresh")],
    taints: [],
    labels: {},
    leaseLostAt: null,
    latestReport: {
      resources: { cpu: figures(spec.cpu, spec.cpuAllocated), memory: figures(spec.memoryGi * GI, 0) },
      freeNodeShapes: [{ cpuAtLeastMillicores: spec.cpu, memoryAtLeastBytes: spec.memoryGi * GI, nodes: 1 }],
    },
  } as unknown as MemberCluster;
}

/** The candidates as `loadCandidates` builds them from stored rows and the live reservations. */
function candidates(specs: ClusterSpec[], reservations: readonly Reservation[]) {
  return specs.map((spec, index) => {
    const id = `cluster-${index}`;
    const sums: ClusterReservations = { total: {}, guests: {} };
    for (const reservation of reservations) {
      if (reservation.clusterId !== id) continue;
      for (const [resource, amount] of Object.entries(reservation.amounts)) {
        sums.total[resource] = (sums.total[resource] ?? 0) + amount;
        if (reservation.consumer !== spec.owner)
          sums.guests[resource] = (sums.guests[resource] ?? 0) + amount;
      }
    }
    const offer = storedOffer({
      id: `offer-${index}`,
      clusterId: id,
      cooperativeId: spec.owner,
      caps: spec.cap === undefined ? {} : { cpu: spec.cap },
      freeSharePercent: spec.sharePercent ?? null,
    });
    return toCandidate(storedCluster(id, spec), offer, sums, NOW);
  });
}

const clusterSpec = fc.record({
  cpu: fc.integer({ min: 0, max: 16_000 }),
  cpuAllocated: fc.integer({ min: 0, max: 8_000 }),
  memoryGi: fc.integer({ min: 1, max: 64 }),
  cap: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined }),
  sharePercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  owner: fc.constantFrom("coop-a", "coop-b", "coop-guest"),
});

const requestSpec = fc.record({
  replicas: fc.integer({ min: 1, max: 6 }),
  cpu: fc.integer({ min: 100, max: 3_000 }),
  memoryGi: fc.integer({ min: 0, max: 4 }),
  requester: fc.constantFrom("coop-a", "coop-b", "coop-guest"),
  /** How many commits behind the snapshot the request was scheduled on is. */
  staleness: fc.integer({ min: 0, max: 5 }),
});

interface RequestSpec {
  replicas: number;
  cpu: number;
  memoryGi: number;
  requester: string;
  staleness: number;
}

function requestOf(index: number, spec: RequestSpec): PlacementRequest {
  return {
    id: `placement-${index}`,
    requesterCooperativeId: spec.requester,
    requesterTier: "tcc_member",
    replicas: spec.replicas,
    perReplica: { cpu: spec.cpu, memory: spec.memoryGi * GI },
    mode: { kind: "Divided" },
    constraints: {},
    spread: {},
  };
}

const reservationsOf = (assignments: Assignment[], consumer: string): Reservation[] =>
  assignments.map((assignment) => ({
    clusterId: assignment.clusterId,
    consumer,
    amounts: assignment.reservation,
  }));

/**
 * Checked right after a commit that reserved on `clusterId`: the cluster never holds more than its free capacity,
 * and when a guest just reserved there, guests hold no more than the offer allows at that moment. (The owner's own
 * later placements may shrink the spare below what guests hold: that is an overrun shown to the owner, not an
 * over-commit; the owner is not bound by its own offer.)
 */
function assertWithinLimits(specs: ClusterSpec[], reservations: readonly Reservation[], clusterId: string) {
  const spec = specs[Number(clusterId.split("-")[1])];
  const mine = reservations.filter((reservation) => reservation.clusterId === clusterId);
  const total = mine.reduce((sum, reservation) => sum + (reservation.amounts.cpu ?? 0), 0);
  const guests = mine
    .filter((reservation) => reservation.consumer !== spec.owner)
    .reduce((sum, reservation) => sum + (reservation.amounts.cpu ?? 0), 0);
  const free = Math.max(0, spec.cpu - spec.cpuAllocated);
  expect(total).toBeLessThanOrEqual(free);
  const last = mine[mine.length - 1];
  if (last.consumer === spec.owner) return;
  // Spare from the owner's point of view: what neither its own pods nor its own placements use.
  const spare = Math.max(0, free - (total - guests));
  const shareLimit =
    spec.sharePercent === undefined ? Number.POSITIVE_INFINITY : (spec.sharePercent / 100) * spare;
  expect(guests).toBeLessThanOrEqual(Math.min(spec.cap ?? Number.POSITIVE_INFINITY, shareLimit) + 1e-6);
}

describe("reservation re-check (property)", () => {
  it("never lets decisions taken on stale snapshots over-commit a cluster or an offer", () => {
    fc.assert(
      fc.property(
        fc.array(clusterSpec, { minLength: 1, maxLength: 4 }),
        fc.array(requestSpec, { minLength: 1, maxLength: 25 }),
        (specs, requests) => {
          // history[n]: the reservations after n commits. A request schedules on an older state (what it read before
          // taking the locks), then re-checks against the current one, as decideAndReserve does.
          const history: Reservation[][] = [[]];
          requests.forEach((spec, index) => {
            const request = requestOf(index, spec);
            const current = history[history.length - 1];
            const stale = history[Math.max(0, history.length - 1 - spec.staleness)];
            const context = { now: NOW, fairShare: 0.5 };
            let result = schedule(request, candidates(specs, stale), context);
            if (!result.ok) return;
            const fresh = new Map(candidates(specs, current).map((cluster) => [cluster.id, cluster]));
            if (!recheckAssignments(request, result.assignments, fresh, context).ok) {
              // Decide again on fresh data; that decision must pass the re-check it is taken on.
              result = schedule(request, candidates(specs, current), context);
              if (!result.ok) return;
              expect(recheckAssignments(request, result.assignments, fresh, context).ok).toBe(true);
            }
            const next = [...current, ...reservationsOf(result.assignments, spec.requester)];
            history.push(next);
            for (const assignment of result.assignments)
              assertWithinLimits(specs, next, assignment.clusterId);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a decision whose offer version changed, and one that no longer fits", () => {
    const spec: ClusterSpec = {
      cpu: 4000,
      cpuAllocated: 0,
      memoryGi: 8,
      cap: undefined,
      sharePercent: undefined,
      owner: "coop-a",
    };
    const request = requestOf(0, {
      replicas: 4,
      cpu: 1000,
      memoryGi: 0,
      requester: "coop-guest",
      staleness: 0,
    });
    const context = { now: NOW, fairShare: 0.5 };
    const result = schedule(request, candidates([spec], []), context);
    if (!result.ok) throw new Error("expected a decision");
    const fresh = (reservations: Reservation[]) =>
      new Map(candidates([spec], reservations).map((c) => [c.id, c]));
    expect(recheckAssignments(request, result.assignments, fresh([]), context)).toEqual({ ok: true });
    const taken = [{ clusterId: "cluster-0", consumer: "coop-b", amounts: { cpu: 1000 } }];
    expect(recheckAssignments(request, result.assignments, fresh(taken), context)).toMatchObject({
      ok: false,
      clusterId: "cluster-0",
    });
    const bumped = result.assignments.map((assignment) => ({ ...assignment, offerVersion: 99 }));
    expect(recheckAssignments(request, bumped, fresh([]), context)).toMatchObject({
      ok: false,
      reason: "offer changed",
    });
  });
});
