import { loadConfig } from "../server/config.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { ManualClock } from "../server/clock.js";
import { maintainHistory } from "../server/modules/clusters/history-maintenance.js";
import { LEASE_SWEEPER_LOCK } from "../server/modules/clusters/lease-sweeper.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import {
  EVENTS,
  MEMBER_CLUSTER,
  RENEW,
  REPORT,
  ROTATE,
  simulatedReport,
} from "./support/cluster-operations.js";
import { buildApiToken, buildSteward } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
const clock = new ManualClock(new Date());
let stewardToken: string;

beforeAll(async () => {
  hub = await startTestHub({ clock });
  // Time moves by days in these tests: the steward's token must outlive them.
  const steward = await buildSteward(hub.database.dataSource);
  stewardToken = await buildApiToken(hub.database.dataSource, steward, {
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
  });
});
afterAll(() => hub.stop());

interface ClusterView {
  availability: string;
  conditions: Array<{ type: string; status: string; reason: string; lastTransitionTime: string }>;
  taints: Array<{ key: string }>;
  lease: { renewedAt: string | null; lostAt: string | null };
  capacity: { nodes: { total: number }; resources: Array<{ resource: string; allocatable: number }> } | null;
  events: { edges: Array<{ node: { type: string; source: string } }> };
}

async function view(clusterId: string): Promise<ClusterView> {
  const result = await graphql<{ memberCluster: ClusterView }>(
    hub.url,
    MEMBER_CLUSTER,
    { id: toGlobalId("MemberCluster", clusterId) },
    { token: stewardToken },
  );
  return expectData(result).memberCluster;
}

const renew = (token: string, agentTime = clock.now()) =>
  graphql(hub.url, RENEW, { input: { agentTime: agentTime.toISOString() } }, { token });
const condition = (cluster: ClusterView, type: string) =>
  cluster.conditions.find((entry) => entry.type === type);
const eventTypes = (cluster: ClusterView) => cluster.events.edges.map((edge) => edge.node.type);

async function report(token: string, clusterUid: string, body: unknown, observedAt = clock.now()) {
  return graphql(
    hub.url,
    REPORT,
    { input: { clusterUid, observedAt: observedAt.toISOString(), report: body } },
    { token },
  );
}

async function storedReportCount(clusterId: string): Promise<number> {
  const [row] = await hub.database.dataSource.query(
    "SELECT count(*)::int AS count FROM cluster_status_sample WHERE cluster_id = $1",
    [clusterId],
  );
  return row.count;
}

/** The parts of a report the bad-input cases spoil. */
type Spoilable = { resources: Record<string, Record<string, number>>; nodes: Record<string, number> };

describe("Status reports", () => {
  it("stores a report as the latest capacity and a history point, and makes CapacityFresh true", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    const body = await simulatedReport(3, 12, clock.now());
    expect(expectData(await report(credential, cluster.clusterUid, body))).toEqual({
      reportStatus: { accepted: true },
    });
    const seen = await view(cluster.id);
    expect(seen.capacity?.nodes.total).toBe(12);
    expect(seen.capacity?.resources.map((entry) => entry.resource)).toEqual([
      "cpu",
      "memory",
      "ephemeral-storage",
      "pods",
    ]);
    expect(condition(seen, "CapacityFresh")?.status).toBe("True");
    expect(await storedReportCount(cluster.id)).toBe(1);
    // The free node shape histogram (for "does a 2-CPU/8Gi pod fit anywhere") comes back exactly as reported.
    const shapes = expectData(
      await graphql<{ memberCluster: { capacity: { freeNodeShapes: unknown[] } } }>(
        hub.url,
        "query($id: ID!) { memberCluster(id: $id) { capacity { freeNodeShapes { cpuAtLeastMillicores memoryAtLeastBytes nodes } } } }",
        { id: toGlobalId("MemberCluster", cluster.id) },
        { token: stewardToken },
      ),
    );
    expect(body.freeNodeShapes).not.toHaveLength(0);
    expect(shapes.memberCluster.capacity.freeNodeShapes).toEqual(body.freeNodeShapes);
    const history = expectData(
      await graphql<{ memberCluster: { history: Array<{ cpuAllocatable: number }> } }>(
        hub.url,
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { memberCluster(id: $id) { history(from: $from, to: $to) { at cpuAllocatable } } }`,
        {
          id: toGlobalId("MemberCluster", cluster.id),
          from: new Date(clock.now().getTime() - 3_600_000).toISOString(),
          to: new Date(clock.now().getTime() + 1000).toISOString(),
        },
        { token: stewardToken },
      ),
    );
    expect(history.memberCluster.history).toHaveLength(1);
    expect(history.memberCluster.history[0].cpuAllocatable).toBe(
      (body.resources as { cpu: { allocatable: number } }).cpu.allocatable,
    );
  });

  it.each([
    [
      "a negative figure",
      (body: Spoilable) => (body.resources.cpu.allocated = -1),
      "input.report.resources.cpu.allocated",
    ],
    [
      "an absurd figure",
      (body: Spoilable) => (body.resources.pods.capacity = 1e12),
      "input.report.resources.pods.capacity",
    ],
    [
      "an unknown resource",
      (body: Spoilable) => (body.resources["example.com/widgets"] = body.resources.pods),
      "input.report.resources",
    ],
    ["a fractional figure", (body: Spoilable) => (body.nodes.total = 1.5), "input.report.nodes.total"],
    [
      "allocatable above capacity",
      (body: Spoilable) => (body.resources.memory.allocatable = body.resources.memory.capacity + 1),
      "input.report.resources.memory.allocatable",
    ],
  ])("refuses %s with BAD_USER_INPUT and stores nothing", async (_name, spoil, field) => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    const body = await simulatedReport(4, 6, clock.now());
    spoil(body as unknown as Spoilable);
    const result = await report(credential, cluster.clusterUid, body);
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toContain(field);
    expect(await storedReportCount(cluster.id)).toBe(0);
    expect((await view(cluster.id)).capacity).toBeNull();
  });

  it("refuses a report over 256 KiB with BAD_USER_INPUT and stores nothing", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    const body = await simulatedReport(5, 4, clock.now());
    body.storageClasses = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [
        `class-${index}-${"x".repeat(1400)}`,
        { allocated: 0, pending: 0 },
      ]),
    );
    const result = await report(credential, cluster.clusterUid, body);
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toEqual(["input.report"]);
    expect(await storedReportCount(cluster.id)).toBe(0);
  });

  it("refuses a report for another cluster with FORBIDDEN", async () => {
    const mine = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const theirs = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const result = await report(mine.credential, theirs.cluster.clusterUid, await simulatedReport());
    expectErrorCode(result, "FORBIDDEN");
    expect(await storedReportCount(theirs.cluster.id)).toBe(0);
    expect(await storedReportCount(mine.cluster.id)).toBe(0);
  });

  it("refuses agent mutations to people and anonymous callers", async () => {
    expectErrorCode(await renew(stewardToken), "FORBIDDEN");
    expectErrorCode(await graphql(hub.url, ROTATE), "UNAUTHENTICATED");
    expectErrorCode(await renew("ahc_unknown"), "UNAUTHENTICATED");
  });
});

describe("Agent events and credential rotation", () => {
  it("stores the agent's queued events in the cluster's log", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    const at = new Date(clock.now().getTime() - 60_000).toISOString();
    const events = [
      { type: "HubUnreachable", at, message: "connect ECONNREFUSED", details: { code: "NETWORK_ERROR" } },
      { type: "HubReachable", at, message: "hub reachable again", details: { outageMs: 60_000 } },
    ];
    expect(expectData(await graphql(hub.url, EVENTS, { input: { events } }, { token: credential }))).toEqual({
      recordAgentEvents: { accepted: 2 },
    });
    const seen = await view(cluster.id);
    expect(
      seen.events.edges.filter((edge) => edge.node.source === "AGENT").map((edge) => edge.node.type),
    ).toEqual(expect.arrayContaining(["HubUnreachable", "HubReachable", "Registered"]));
    const tooMany = Array.from({ length: 1001 }, () => events[0]);
    expectErrorCode(
      await graphql(hub.url, EVENTS, { input: { events: tooMany } }, { token: credential }),
      "BAD_USER_INPUT",
    );
  });

  it("rotates: the new credential works at once, the old one for five more minutes", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    const rotated = expectData(
      await graphql<{ rotateCredential: { credential: { token: string; expiresAt: string } } }>(
        hub.url,
        ROTATE,
        {},
        { token: credential },
      ),
    ).rotateCredential.credential;
    expect(rotated.token).not.toBe(credential);
    expect(Date.parse(rotated.expiresAt) - clock.now().getTime()).toBe(24 * 3_600_000);
    expectData(await renew(rotated.token));
    expectData(await renew(credential));
    clock.advance(5 * 60_000 + 1);
    const old = await renew(credential);
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "expired" });
    expectData(await renew(rotated.token));
    expect(eventTypes(await view(cluster.id))).toContain("CredentialRotated");
  });

  it("raises CredentialExpiring when the credential nears its end without rotation, and ClockSynced false on skew", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    expectData(await renew(credential, new Date(clock.now().getTime() + 60_000)));
    expect(condition(await view(cluster.id), "ClockSynced")).toMatchObject({
      status: "False",
      reason: "ClockSkew",
    });
    clock.advance(22 * 3_600_000);
    expectData(await renew(credential));
    const late = await view(cluster.id);
    expect(condition(late, "CredentialExpiring")).toMatchObject({
      status: "True",
      reason: "RotationOverdue",
    });
    expect(condition(late, "ClockSynced")?.status).toBe("True");
    clock.advance(2 * 3_600_000);
    expect((await renew(credential)).errors?.[0]?.extensions).toMatchObject({ reason: "expired" });
  });
});

describe("Leases", () => {
  it("goes Unknown (LeaseExpired) with the unreachable taint after the grace period, and returns after two renewals", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    expectData(await report(credential, cluster.clusterUid, await simulatedReport(8, 5, clock.now())));
    expectData(await renew(credential));
    expect((await view(cluster.id)).availability).toBe("TRUE");

    clock.advance(39_000);
    await hub.clusters.sweeper.sweep(clock.now());
    expect((await view(cluster.id)).availability).toBe("TRUE");
    clock.advance(1_000);
    const swept = await hub.clusters.sweeper.sweep(clock.now());
    expect(swept.ran).toBe(true);
    const lost = await view(cluster.id);
    expect(lost.availability).toBe("UNKNOWN");
    expect(condition(lost, "Available")).toMatchObject({ status: "Unknown", reason: "LeaseExpired" });
    expect(lost.taints.map((taint) => taint.key)).toEqual(["alliance.coop/unreachable"]);
    expect(lost.lease.lostAt).toBe(clock.now().toISOString());
    expect(eventTypes(lost)).toContain("LeaseLost");

    clock.advance(60_000);
    expectData(await renew(credential));
    expect((await view(cluster.id)).availability).toBe("UNKNOWN");
    clock.advance(10_000);
    expectData(await renew(credential));
    const back = await view(cluster.id);
    expect(back.availability).toBe("TRUE");
    expect(back.taints).toEqual([]);
    expect(condition(back, "Available")?.lastTransitionTime).toBe(clock.now().toISOString());
    expect(eventTypes(back).slice(0, 2).sort()).toEqual(["AvailableTrue", "LeaseRegained"]);
  });

  it("wakes when the earliest live lease would lapse, not on a fixed scan", async () => {
    const { credential } = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    expectData(await renew(credential));
    const result = await hub.clusters.sweeper.sweep(clock.now());
    expect(result).toMatchObject({ ran: true, lost: 0 });
    expect(result.nextDueAt).toEqual(new Date(clock.now().getTime() + 40_000));
  });

  it("renews a healthy cluster's lease in place, and coalesces renewals less than a second apart", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    expectData(await report(credential, cluster.clusterUid, await simulatedReport(4, 4, clock.now())));
    expectData(await renew(credential));
    const first = await view(cluster.id);
    expect(first.availability).toBe("TRUE");

    clock.advance(400);
    expectData(await renew(credential));
    expect((await view(cluster.id)).lease.renewedAt).toBe(first.lease.renewedAt);

    clock.advance(9_600);
    expectData(await renew(credential));
    const renewed = await view(cluster.id);
    expect(renewed.lease.renewedAt).toBe(clock.now().toISOString());
    expect(renewed.conditions).toEqual(first.conditions);
    expect(renewed.availability).toBe("TRUE");
  });

  it("takes the locked path when a renewal changes a condition's status, and records the transition", async () => {
    const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, {
      now: clock.now(),
    });
    expectData(await report(credential, cluster.clusterUid, await simulatedReport(4, 4, clock.now())));
    expectData(await renew(credential));
    clock.advance(10_000);
    expectData(await renew(credential, new Date(clock.now().getTime() + 60_000)));
    const skewed = await view(cluster.id);
    expect(condition(skewed, "ClockSynced")).toMatchObject({ status: "False", reason: "ClockSkew" });
    expect(eventTypes(skewed)).toContain("ClockSyncedFalse");
    expect(skewed.lease.renewedAt).toBe(clock.now().toISOString());
  });

  it("does not count lease renewals against the mutation rate limit, but still limits other agent mutations", async () => {
    const limited = await startTestHub({ clock, env: { RATE_LIMIT_MUTATIONS_PER_MINUTE: "2" } });
    try {
      const { cluster, credential } = await buildRegisteredCluster(limited.database.dataSource, {
        now: clock.now(),
      });
      const renewThere = () =>
        graphql(
          limited.url,
          RENEW,
          { input: { agentTime: clock.now().toISOString() } },
          { token: credential },
        );
      for (let attempt = 0; attempt < 5; attempt++) {
        expectData(await renewThere());
        clock.advance(2_000);
      }
      const body = await simulatedReport(2, 2, clock.now());
      const send = () =>
        graphql(
          limited.url,
          REPORT,
          { input: { clusterUid: cluster.clusterUid, observedAt: clock.now().toISOString(), report: body } },
          { token: credential },
        );
      expectData(await send());
      expectData(await send());
      expectErrorCode(await send(), "RATE_LIMITED");
    } finally {
      await limited.stop();
    }
  });

  it.runIf(loadConfig().database.kind === "postgres")(
    "sweeps in one process at a time (advisory lock)",
    async () => {
      const { url } = hub.database.dataSource.options as { url?: string };
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query("SELECT pg_advisory_lock($1)", [LEASE_SWEEPER_LOCK]);
        expect((await hub.clusters.sweeper.sweep(clock.now())).ran).toBe(false);
        await other.query("SELECT pg_advisory_unlock($1)", [LEASE_SWEEPER_LOCK]);
        expect((await hub.clusters.sweeper.sweep(clock.now())).ran).toBe(true);
      } finally {
        await other.end();
      }
    },
  );
});

describe("Status history", () => {
  it("rolls complete five-minute buckets up, keeps raw points 7 days and rollups 90 days", async () => {
    const { cluster } = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
    const now = clock.now().getTime();
    const minute = 60_000;
    const day = 86_400_000;
    const insert = (resolution: string, at: number, value: number) =>
      hub.database.dataSource.query(
        "INSERT INTO cluster_status_sample (cluster_id, resolution, observed_at, figures) VALUES ($1, $2, $3, $4)",
        [cluster.id, resolution, new Date(at), JSON.stringify({ cpuAllocatable: value, nodesReady: value })],
      );
    const bucket = Math.floor((now - 30 * minute) / (5 * minute)) * 5 * minute;
    await insert("raw", bucket + 10_000, 10);
    await insert("raw", bucket + 70_000, 20);
    await insert("raw", now - 8 * day, 99);
    await insert("5m", now - 91 * day, 1);
    await insert("5m", now - 60 * day, 2);

    const result = await maintainHistory(hub.database.dataSource, clock.now());
    expect(result).toMatchObject({ ran: true, prunedRaw: 1, prunedRollups: 1 });
    const rows: Array<{ resolution: string; observed_at: Date; figures: { cpuAllocatable: number } }> =
      await hub.database.dataSource.query(
        "SELECT resolution, observed_at, figures FROM cluster_status_sample WHERE cluster_id = $1 ORDER BY resolution, observed_at",
        [cluster.id],
      );
    const rollups = rows.filter((row) => row.resolution === "5m");
    expect(rollups.map((row) => [new Date(row.observed_at).getTime(), row.figures.cpuAllocatable])).toEqual([
      [now - 60 * day, 2],
      [bucket, 15],
    ]);
    expect(rows.filter((row) => row.resolution === "raw")).toHaveLength(2);

    const long = expectData(
      await graphql<{ memberCluster: { history: Array<{ at: string; cpuAllocatable: number }> } }>(
        hub.url,
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { memberCluster(id: $id) { history(from: $from, to: $to) { at cpuAllocatable } } }`,
        {
          id: toGlobalId("MemberCluster", cluster.id),
          from: new Date(now - 89 * day).toISOString(),
          to: new Date(now).toISOString(),
        },
        { token: stewardToken },
      ),
    );
    expect(long.memberCluster.history.map((point) => point.cpuAllocatable)).toEqual([2, 15]);
    const tooLong = await graphql(
      hub.url,
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { memberCluster(id: $id) { history(from: $from, to: $to) { at } } }`,
      {
        id: toGlobalId("MemberCluster", cluster.id),
        from: new Date(now - 100 * day).toISOString(),
        to: new Date(now).toISOString(),
      },
      { token: stewardToken },
    );
    expectErrorCode(tooLong, "BAD_USER_INPUT");
  });
});
