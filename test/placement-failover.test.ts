import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { loseLeaseState } from "../server/modules/clusters/lease-state.js";
import { type MemberCluster, MemberClusterEntity } from "../server/modules/clusters/member-cluster.entity.js";
import { availabilityOf, leaseStateOf } from "../server/modules/clusters/renew-lease.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import type { FailoverRunResult } from "../server/modules/placement/failover/failover-job.js";
import { onPlacementQueueNudge } from "../server/modules/placement/commands/queue-nudge.js";
import { FAILOVER_LOCK } from "../server/modules/placement/failover/failover-settings.js";
import { PlacementDecisionEntity } from "../server/modules/placement/model/placement-decision.entity.js";
import {
  type PlacementWork,
  PlacementWorkEntity,
} from "../server/modules/placement/model/placement-work.entity.js";
import type { ResourceAmounts } from "../server/modules/placement/scheduler/types.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { REVOKE } from "./support/cluster-operations.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { buildPlaceableCluster } from "./support/placeable-cluster.js";
import { buildPlacementWithWork } from "./support/placement-factories.js";
import { CANCEL_PLACEMENT } from "./support/placement-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
// The hub's clock stays put: leases do not lapse by themselves, and the background failover run (at this time)
// finds nothing due. Each test steps time by passing `now` to `run`, from a base an hour apart from the others,
// so that one test's failover decisions never count in another's eviction minute.
const t0 = new Date();
const clock = new ManualClock(t0);
let guest: Cooperative;
let guestAdminId: string;
let guestToken: string;
let stewardToken: string;
const at = (base: number, seconds: number) => new Date(t0.getTime() + base * 3_600_000 + seconds * 1000);

beforeAll(async () => {
  hub = await startTestHub({ clock });
  const admin = await buildPerson(hub.database.dataSource);
  guestAdminId = admin.id;
  guest = await buildCooperative(hub.database.dataSource, { admins: [admin] });
  guestToken = await buildApiToken(hub.database.dataSource, admin);
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
  // The tests drive every run themselves: a short share (a revoked cluster's) is due at once, so a background run
  // would otherwise race the test's own.
  await hub.placementFailover.stop();
});
afterAll(() => hub.stop());

/** One run at `now`; again if the background run of the hub held the lock at that moment. */
async function runAt(now: Date): Promise<FailoverRunResult> {
  for (;;) {
    const result = await hub.placementFailover.run(now);
    if (result.ran) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The cluster's lease is lost at `lostAt`, exactly as the lease sweeper records it. */
async function loseCluster(cluster: MemberCluster, lostAt: Date): Promise<void> {
  const stored = await hub.database.dataSource.manager.findOneByOrFail(MemberClusterEntity, {
    id: cluster.id,
  });
  const { state } = loseLeaseState(leaseStateOf(stored), lostAt);
  await hub.database.dataSource.manager.update(
    MemberClusterEntity,
    { id: cluster.id },
    { ...state, availability: availabilityOf(state.conditions) },
  );
}

async function lostPlacement(
  lostAt: Date,
  options: { replicas?: number; perReplica?: ResourceAmounts } = {},
) {
  const lost = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
  const { placement, work } = await buildPlacementWithWork(hub.database.dataSource, {
    cooperative: guest,
    createdById: guestAdminId,
    perReplica: options.perReplica,
    work: [{ cluster: lost.cluster, replicas: options.replicas ?? 1 }],
  });
  await loseCluster(lost.cluster, lostAt);
  return { lost, placement, work: work[0] };
}

/**
 * A request that is known to go over a live connection. The tests here spend seconds without HTTP while PGlite
 * blocks the event loop, so the hub may close an idle keep-alive connection just as the next request reuses it
 * (`fetch failed`, ECONNRESET); an idempotent query may simply be sent again, a mutation may not.
 */
async function warmConnection(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await graphql(hub.url, "{ __typename }");
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Revokes the cluster as a hub steward does, through the API. */
async function revoke(cluster: MemberCluster): Promise<void> {
  await warmConnection();
  expectData(
    await graphql(
      hub.url,
      REVOKE,
      { input: { id: toGlobalId("MemberCluster", cluster.id), reason: "left the alliance" } },
      { token: stewardToken },
    ),
  );
}

const workOf = (placementId: string) =>
  hub.database.dataSource.manager.find(PlacementWorkEntity, {
    where: { placementId },
    order: { createdAt: "ASC" },
  });
const stored = (work: PlacementWork) =>
  hub.database.dataSource.manager.findOneByOrFail(PlacementWorkEntity, { id: work.id });
const decisionsOf = (placementId: string) =>
  hub.database.dataSource.manager.find(PlacementDecisionEntity, {
    where: { placementId },
    order: { decidedAt: "ASC" },
  });

describe("Failover", () => {
  it("moves the share after the toleration and keeps the old reservation until the agent removed the work", async () => {
    const target = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      cpus: 64,
      memoryGi: 256,
    });
    const { lost, placement, work } = await lostPlacement(at(0, 0), { replicas: 2 });

    expect((await runAt(at(0, 299))).moved).toBe(0);
    expect(await stored(work)).toMatchObject({ desiredState: "present", generation: 1 });

    const result = await runAt(at(0, 301));
    expect(result.moved).toBe(1);
    const old = await stored(work);
    expect(old).toMatchObject({
      desiredState: "absent",
      removalReason: "failover",
      generation: 2,
      releasedAt: null,
    });
    expect(old.reservation).toEqual(work.reservation);
    // While the failover is in flight (old work ABSENT, still reserved) nothing is placed a second time.
    expect(await runAt(at(0, 302))).toMatchObject({ moved: 0, noCapacity: 0 });
    const moved = (await workOf(placement.id)).find((entry) => entry.id !== work.id);
    expect(moved).toMatchObject({
      clusterId: target.cluster.id,
      replicas: 2,
      desiredState: "present",
      reservation: { cpu: 1000, memory: 1024 * 1024 ** 2 },
    });
    const [decision] = await decisionsOf(placement.id);
    expect(decision).toMatchObject({ trigger: "failover", outcome: "placed", requestedReplicas: 2 });
    expect(decision.explanation.find((entry) => entry.clusterId === target.cluster.id)).toMatchObject({
      chosenReplicas: 2,
    });

    // The lost cluster comes back: its agent sees the work ABSENT, deletes it, and only then is the room free.
    const listed = expectData(
      await graphql<{ agentWork: Array<{ id: string; desiredState: string; generation: number }> }>(
        hub.url,
        "{ agentWork { id desiredState generation } }",
        {},
        { token: lost.credential },
      ),
    ).agentWork;
    expect(listed).toEqual([
      { id: toGlobalId("PlacementWork", work.id), desiredState: "ABSENT", generation: 2 },
    ]);
    expectData(
      await graphql(
        hub.url,
        "mutation($input: ReportWorkStatusInput!) { reportWorkStatus(input: $input) { accepted } }",
        {
          input: {
            workId: toGlobalId("PlacementWork", work.id),
            generation: 2,
            conditions: [],
            objects: [],
            removed: true,
          },
        },
        { token: lost.credential },
      ),
    );
    expect((await stored(work)).releasedAt).not.toBeNull();
    // Nothing more to move.
    expect((await runAt(at(0, 400))).moved).toBe(0);
  });

  it("moves at most the configured evictions per minute across the alliance", async () => {
    await buildPlaceableCluster(hub.database.dataSource, { now: clock.now(), cpus: 64, memoryGi: 256 });
    const lost: Array<{ work: PlacementWork }> = [];
    for (let index = 0; index < 30; index++) lost.push(await lostPlacement(at(1, 0)));
    const stillPresent = async () =>
      (await Promise.all(lost.map(({ work }) => stored(work)))).filter(
        (row) => row.desiredState === "present",
      ).length;

    expect((await runAt(at(1, 301))).moved).toBe(10);
    expect(await stillPresent()).toBe(20);
    expect((await runAt(at(1, 340))).moved).toBe(0);
    expect(await stillPresent()).toBe(20);
    expect((await runAt(at(1, 362))).moved).toBe(10);
    expect((await runAt(at(1, 423))).moved).toBe(10);
    expect(await stillPresent()).toBe(0);
  });

  it("keeps the work where it is when no cluster can take it, and tries again later", async () => {
    const huge = { cpu: 1_000_000, memory: 1024 ** 3 };
    const { placement, work } = await lostPlacement(at(2, 0), { perReplica: huge });

    expect(await runAt(at(2, 301))).toMatchObject({ moved: 0, noCapacity: 1 });
    expect(await stored(work)).toMatchObject({ desiredState: "present", removalReason: null });
    expect((await decisionsOf(placement.id)).map((entry) => [entry.trigger, entry.outcome])).toEqual([
      ["failover", "no_capacity"],
    ]);
    // Not on every run: after the retry delay.
    expect(await runAt(at(2, 311))).toMatchObject({ noCapacity: 0 });
    expect(await runAt(at(2, 362))).toMatchObject({ noCapacity: 1 });

    const big = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      cpus: 1100,
      memoryGi: 64,
      nodes: 1,
    });
    expect(await runAt(at(2, 423))).toMatchObject({ moved: 1 });
    expect((await stored(work)).desiredState).toBe("absent");
    expect((await workOf(placement.id)).map((entry) => entry.clusterId)).toContain(big.cluster.id);
    expect((await decisionsOf(placement.id)).map((entry) => entry.outcome)).toEqual([
      "no_capacity",
      "no_capacity",
      "placed",
    ]);
  });

  it("places one Duplicated copy, on a cluster that does not run one already", async () => {
    const running = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      cpus: 64,
      memoryGi: 256,
    });
    const lost = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const { placement, work } = await buildPlacementWithWork(hub.database.dataSource, {
      cooperative: guest,
      createdById: guestAdminId,
      work: [
        { cluster: lost.cluster, replicas: 3 },
        { cluster: running.cluster, replicas: 3 },
      ],
      overrides: { modeKind: "duplicated", modeClusters: 2, replicas: 3 },
    });
    await loseCluster(lost.cluster, at(3, 0));

    expect(await runAt(at(3, 301))).toMatchObject({ moved: 1 });
    const live = (await workOf(placement.id)).filter((entry) => entry.desiredState === "present");
    // Two copies of all 3 replicas on two different clusters: the one already running is neither grown nor chosen.
    expect(live.map((entry) => entry.replicas)).toEqual([3, 3]);
    expect(new Set(live.map((entry) => entry.clusterId)).size).toBe(2);
    expect(live.map((entry) => entry.clusterId)).toContain(running.cluster.id);
    expect(live.map((entry) => entry.clusterId)).not.toContain(lost.cluster.id);
    const [decision] = await decisionsOf(placement.id);
    expect(decision).toMatchObject({ trigger: "failover", outcome: "placed", requestedReplicas: 3 });
    expect((await stored(work[1])).generation).toBe(1);
  });

  it("places a revoked cluster's share elsewhere, with a failover decision", async () => {
    const running = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      cpus: 64,
      memoryGi: 256,
    });
    const revoked = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const { placement, work } = await buildPlacementWithWork(hub.database.dataSource, {
      cooperative: guest,
      createdById: guestAdminId,
      work: [
        { cluster: revoked.cluster, replicas: 2 },
        { cluster: running.cluster, replicas: 1 },
      ],
    });
    let nudged = 0;
    const stopListening = onPlacementQueueNudge(() => nudged++);
    await revoke(revoked.cluster);
    stopListening();
    // Revocation released capacity: the queue runner is nudged after the commit.
    expect(nudged).toBeGreaterThan(0);
    expect(await stored(work[0])).toMatchObject({ removalReason: "cluster_revoked", desiredState: "absent" });

    expect(await runAt(at(5, 0))).toMatchObject({ moved: 1, noCapacity: 0 });
    const live = (await workOf(placement.id)).filter((entry) => !entry.releasedAt);
    expect(live.map((entry) => [entry.desiredState, entry.replicas])).toEqual([
      ["present", 1],
      ["present", 2],
    ]);
    expect(live[1].clusterId).not.toBe(running.cluster.id);
    expect(live[1].clusterId).not.toBe(revoked.cluster.id);
    expect(await stored(work[1])).toMatchObject({ replicas: 1, generation: 1 });
    const [decision] = await decisionsOf(placement.id);
    expect(decision).toMatchObject({ trigger: "failover", outcome: "placed", requestedReplicas: 2 });
    // The placement runs all its replicas again: nothing more to place.
    expect(await runAt(at(5, 10))).toMatchObject({ moved: 0, noCapacity: 0 });
    expect(await decisionsOf(placement.id)).toHaveLength(1);
  });

  it("retries a revoked share that fits nowhere after the delay, and places it once a cluster fits", async () => {
    const huge = { cpu: 1_000_000, memory: 1024 ** 3 };
    const revoked = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const { placement } = await buildPlacementWithWork(hub.database.dataSource, {
      cooperative: guest,
      createdById: guestAdminId,
      perReplica: huge,
      work: [{ cluster: revoked.cluster }],
    });
    await revoke(revoked.cluster);

    expect(await runAt(at(6, 0))).toMatchObject({ moved: 0, noCapacity: 1 });
    expect(await runAt(at(6, 10))).toMatchObject({ noCapacity: 0 });
    expect(await runAt(at(6, 61))).toMatchObject({ noCapacity: 1 });
    const big = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      cpus: 1100,
      memoryGi: 64,
      nodes: 1,
    });
    expect(await runAt(at(6, 122))).toMatchObject({ moved: 1 });
    const live = (await workOf(placement.id)).filter((entry) => !entry.releasedAt);
    expect(live).toMatchObject([{ clusterId: big.cluster.id, desiredState: "present", replicas: 1 }]);
    expect((await decisionsOf(placement.id)).map((entry) => [entry.trigger, entry.outcome])).toEqual([
      ["failover", "no_capacity"],
      ["failover", "no_capacity"],
      ["failover", "placed"],
    ]);
  });

  it("places the revoked copy of a Duplicated placement on a cluster without one", async () => {
    const running = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      cpus: 64,
      memoryGi: 256,
    });
    await buildPlaceableCluster(hub.database.dataSource, { now: clock.now(), cpus: 64, memoryGi: 256 });
    const revoked = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const { placement } = await buildPlacementWithWork(hub.database.dataSource, {
      cooperative: guest,
      createdById: guestAdminId,
      work: [
        { cluster: revoked.cluster, replicas: 3 },
        { cluster: running.cluster, replicas: 3 },
      ],
      overrides: { modeKind: "duplicated", modeClusters: 2, replicas: 3 },
    });
    await revoke(revoked.cluster);

    expect(await runAt(at(8, 0))).toMatchObject({ moved: 1 });
    const live = (await workOf(placement.id)).filter((entry) => !entry.releasedAt);
    expect(live.map((entry) => [entry.desiredState, entry.replicas])).toEqual([
      ["present", 3],
      ["present", 3],
    ]);
    expect(new Set(live.map((entry) => entry.clusterId)).size).toBe(2);
    expect(live[0].clusterId).toBe(running.cluster.id);
    expect(live[1].clusterId).not.toBe(revoked.cluster.id);
    expect(await decisionsOf(placement.id)).toMatchObject([
      { trigger: "failover", outcome: "placed", requestedReplicas: 3 },
    ]);
    expect(await runAt(at(8, 10))).toMatchObject({ moved: 0, noCapacity: 0 });
  });

  it("does not place the revoked share of a cancelled placement", async () => {
    await buildPlaceableCluster(hub.database.dataSource, { now: clock.now(), cpus: 64, memoryGi: 256 });
    const revoked = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const { placement } = await buildPlacementWithWork(hub.database.dataSource, {
      cooperative: guest,
      createdById: guestAdminId,
      work: [{ cluster: revoked.cluster, replicas: 2 }],
    });
    await warmConnection();
    expectData(
      await graphql(
        hub.url,
        CANCEL_PLACEMENT,
        { input: { placementId: toGlobalId("Placement", placement.id) } },
        { token: guestToken },
      ),
    );
    await revoke(revoked.cluster);

    expect(await runAt(at(7, 0))).toMatchObject({ moved: 0, noCapacity: 0 });
    expect(await decisionsOf(placement.id)).toEqual([]);
    expect((await workOf(placement.id)).map((entry) => entry.clusterId)).toEqual([revoked.cluster.id]);
  });

  it.runIf(loadConfig().database.kind === "postgres")(
    "runs in one hub process at a time (advisory lock)",
    async () => {
      const { url } = hub.database.dataSource.options as { url?: string };
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query("SELECT pg_advisory_lock($1)", [FAILOVER_LOCK]);
        expect((await hub.placementFailover.run(at(4, 0))).ran).toBe(false);
        await other.query("SELECT pg_advisory_unlock($1)", [FAILOVER_LOCK]);
        expect((await runAt(at(4, 0))).ran).toBe(true);
      } finally {
        await other.end();
      }
    },
  );
});
