import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../server/db/transaction.js";
import { agentFromCredential } from "../server/modules/clusters/agent-identity.js";
import { DEFAULT_CLUSTER_SETTINGS } from "../server/modules/clusters/cluster-settings.js";
import { renewLease } from "../server/modules/clusters/renew-lease.js";
import { renewSteadyLease, renewUnchangedLease } from "../server/modules/clusters/renew-steady-lease.js";
import { ManualClock } from "../server/clock.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/**
 * The steady-state renewal against the real database (PGlite or PostgreSQL): which renewals it applies itself,
 * and which it leaves to the locked path. The HTTP behaviour is in clusters-agent-api.test.ts.
 */
let hub: TestHub;
const clock = new ManualClock(new Date());
const settings = DEFAULT_CLUSTER_SETTINGS;

beforeAll(async () => {
  hub = await startTestHub({ clock });
});
afterAll(() => hub.stop());

async function healthyCluster() {
  const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });
  const agent = await agentFromCredential(hub.database.dataSource, clock, credential);
  const facts = () => ({ now: clock.now(), agentTime: clock.now() });
  // The first renewal makes Available True: a transition, so it takes the locked path.
  expect(await renewSteadyLease(hub.database.dataSource, agent, facts(), settings)).toBe("not-steady");
  await inTransaction(hub.database.dataSource, (manager) => renewLease(manager, agent, facts(), settings));
  return { cluster, agent, facts };
}

async function leaseColumns(clusterId: string) {
  const [row] = await hub.database.dataSource.query(
    "SELECT lease_renewed_at, lease_expires_at, availability FROM member_cluster WHERE id = $1",
    [clusterId],
  );
  return row as { lease_renewed_at: Date; lease_expires_at: Date; availability: string };
}

describe("renewSteadyLease", () => {
  it("renews a healthy cluster with one conditional update", async () => {
    const { cluster, agent, facts } = await healthyCluster();
    clock.advance(10_000);
    expect(await renewSteadyLease(hub.database.dataSource, agent, facts(), settings)).toBe("renewed");
    const row = await leaseColumns(cluster.id);
    expect(new Date(row.lease_renewed_at)).toEqual(clock.now());
    expect(new Date(row.lease_expires_at)).toEqual(new Date(clock.now().getTime() + 10_000));
    expect(row.availability).toBe("true");
  });

  it("coalesces a renewal less than the minimum interval after the previous one", async () => {
    const { cluster, agent, facts } = await healthyCluster();
    const before = await leaseColumns(cluster.id);
    clock.advance(999);
    expect(await renewSteadyLease(hub.database.dataSource, agent, facts(), settings)).toBe("coalesced");
    expect(await leaseColumns(cluster.id)).toEqual(before);
    clock.advance(1);
    expect(await renewSteadyLease(hub.database.dataSource, agent, facts(), settings)).toBe("renewed");
  });

  it("leaves a lost lease to the locked path (the return needs two renewals in a row)", async () => {
    const { cluster, agent, facts } = await healthyCluster();
    await hub.database.dataSource.query("UPDATE member_cluster SET lease_lost_at = $2 WHERE id = $1", [
      cluster.id,
      clock.now(),
    ]);
    clock.advance(10_000);
    expect(await renewSteadyLease(hub.database.dataSource, agent, facts(), settings)).toBe("not-steady");
  });

  it("leaves a renewal that changes a condition's status to the locked path", async () => {
    const { agent } = await healthyCluster();
    clock.advance(10_000);
    const skewed = { now: clock.now(), agentTime: new Date(clock.now().getTime() + 60_000) };
    expect(await renewSteadyLease(hub.database.dataSource, agent, skewed, settings)).toBe("not-steady");
  });

  it("matches nothing when the row changed after it was read, instead of overwriting it", async () => {
    const { cluster, agent, facts } = await healthyCluster();
    // Another writer (a status report) changes the conditions between a renewal's read and its update: the
    // update's WHERE repeats what it read, so it must not apply over the new conditions.
    const dataSource = hub.database.dataSource;
    const originalQuery = dataSource.query.bind(dataSource);
    let interfered = false;
    dataSource.query = (async (sql: string, parameters?: unknown[]) => {
      if (!interfered && sql.trimStart().startsWith("UPDATE member_cluster")) {
        interfered = true;
        await originalQuery(
          `UPDATE member_cluster SET conditions = jsonb_set(conditions, '{0,message}', '"changed"') WHERE id = $1`,
          [cluster.id],
        );
      }
      return originalQuery(sql, parameters);
    }) as typeof dataSource.query;
    try {
      clock.advance(10_000);
      expect(await renewSteadyLease(dataSource, agent, facts(), settings)).toBe("not-steady");
    } finally {
      dataSource.query = originalQuery;
    }
    const [row] = await dataSource.query("SELECT conditions FROM member_cluster WHERE id = $1", [cluster.id]);
    expect(row.conditions[0].message).toBe("changed");
  });
});

describe("renewUnchangedLease", () => {
  /** A healthy cluster with a fresh report of `ready` ready nodes, its conditions set by the locked renewal. */
  async function reportingCluster(ready = 3) {
    const { cluster, agent, facts } = await healthyCluster();
    await hub.database.dataSource.query(
      "UPDATE member_cluster SET latest_report = $2, latest_report_received_at = $3 WHERE id = $1",
      [cluster.id, JSON.stringify({ nodes: { total: 3, ready } }), clock.now()],
    );
    await inTransaction(hub.database.dataSource, (manager) => renewLease(manager, agent, facts(), settings));
    return { cluster, agent, facts };
  }
  const conditionsOf = async (clusterId: string) =>
    (
      await hub.database.dataSource.query("SELECT conditions FROM member_cluster WHERE id = $1", [clusterId])
    )[0].conditions;

  it("renews a healthy, reporting cluster in one statement and leaves its conditions as they were", async () => {
    const { cluster, agent, facts } = await reportingCluster();
    const before = await conditionsOf(cluster.id);
    clock.advance(10_000);
    expect(await renewUnchangedLease(hub.database.dataSource, agent, facts(), settings)).toBe(true);
    expect(new Date((await leaseColumns(cluster.id)).lease_renewed_at)).toEqual(clock.now());
    expect(await conditionsOf(cluster.id)).toEqual(before);
  });

  it("matches nothing within the minimum interval, for a stale report, without ready nodes or on clock skew", async () => {
    const fresh = await reportingCluster();
    clock.advance(500);
    expect(await renewUnchangedLease(hub.database.dataSource, fresh.agent, fresh.facts(), settings)).toBe(
      false,
    );

    clock.advance(61_000);
    expect(await renewUnchangedLease(hub.database.dataSource, fresh.agent, fresh.facts(), settings)).toBe(
      false,
    );

    const noneReady = await reportingCluster(0);
    clock.advance(10_000);
    expect(
      await renewUnchangedLease(hub.database.dataSource, noneReady.agent, noneReady.facts(), settings),
    ).toBe(false);

    const skewed = await reportingCluster();
    clock.advance(10_000);
    const facts = { now: clock.now(), agentTime: new Date(clock.now().getTime() + 60_000) };
    expect(await renewUnchangedLease(hub.database.dataSource, skewed.agent, facts, settings)).toBe(false);
  });

  it("matches nothing once the lease is lost or the cluster revoked", async () => {
    const lost = await reportingCluster();
    await hub.database.dataSource.query("UPDATE member_cluster SET lease_lost_at = $2 WHERE id = $1", [
      lost.cluster.id,
      clock.now(),
    ]);
    const revoked = await reportingCluster();
    await hub.database.dataSource.query("UPDATE member_cluster SET revoked_at = $2 WHERE id = $1", [
      revoked.cluster.id,
      clock.now(),
    ]);
    clock.advance(10_000);
    expect(await renewUnchangedLease(hub.database.dataSource, lost.agent, lost.facts(), settings)).toBe(
      false,
    );
    expect(await renewUnchangedLease(hub.database.dataSource, revoked.agent, revoked.facts(), settings)).toBe(
      false,
    );
  });
});
