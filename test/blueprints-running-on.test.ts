import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { syncOfficialBlueprints } from "../server/modules/blueprints/testing/sync-official-blueprints.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { DECIDE, REPORT, REVOKE, simulatedReport } from "./support/cluster-operations.js";
import { buildApiToken, buildSteward } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
let stewardToken: string;
let observedAt = Date.now();

beforeAll(async () => {
  hub = await startTestHub();
  await syncOfficialBlueprints(hub.database.dataSource);
  stewardToken = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
});
afterAll(() => hub.stop());

type Pair = { name: string; version: string };

/** One status report with its blueprints, each observed a second after the previous one (so each applies). */
async function report(cluster: { credential: string; cluster: { clusterUid: string } }, blueprints?: Pair[]) {
  observedAt += 1000;
  return graphql(
    hub.url,
    REPORT,
    {
      input: {
        clusterUid: cluster.cluster.clusterUid,
        observedAt: new Date(observedAt).toISOString(),
        report: await simulatedReport(5, 4),
        ...(blueprints ? { blueprints } : {}),
      },
    },
    { token: cluster.credential },
  );
}

const decide = async (mutation: "acceptMemberCluster" | "denyMemberCluster", clusterId: string) =>
  expectData(
    await graphql(
      hub.url,
      DECIDE(mutation),
      { input: { id: toGlobalId("MemberCluster", clusterId) } },
      { token: stewardToken },
    ),
  );

const RUNNING_ON = `query($name: String!) {
  blueprint(name: $name) { runningOn versions { version runningOn } }
}`;
async function runningOn(name: string) {
  const data = expectData(
    await graphql<{
      blueprint: { runningOn: number; versions: Array<{ version: string; runningOn: number }> };
    }>(hub.url, RUNNING_ON, { name }),
  );
  return {
    total: data.blueprint.runningOn,
    versions: Object.fromEntries(data.blueprint.versions.map((entry) => [entry.version, entry.runningOn])),
  };
}

describe("Running on N member clusters", () => {
  it("counts only accepted clusters, per version, and follows each cluster's latest report", async () => {
    const accepted = await buildRegisteredCluster(hub.database.dataSource);
    const pending = await buildRegisteredCluster(hub.database.dataSource);
    await decide("acceptMemberCluster", accepted.cluster.id);
    const metallb = [{ name: "metallb-l2", version: "1.1.0" }];
    expectData(await report(accepted, [...metallb, { name: "openebs-localpv", version: "1.0.0" }]));
    expectData(await report(pending, [...metallb, { name: "metallb-l2", version: "1.0.0" }]));

    expect(await runningOn("metallb-l2")).toEqual({ total: 1, versions: { "1.1.0": 1, "1.0.0": 0 } });
    expect(await runningOn("openebs-localpv")).toEqual({ total: 1, versions: { "1.0.0": 1 } });
    expect(await runningOn("odoo-instance")).toEqual({ total: 0, versions: { "1.0.0": 0 } });

    // Once accepted, the other cluster counts too.
    await decide("acceptMemberCluster", pending.cluster.id);
    expect(await runningOn("metallb-l2")).toEqual({ total: 2, versions: { "1.1.0": 2, "1.0.0": 1 } });

    // A report that no longer lists a blueprint drops it; one without the field (an older agent) keeps the set.
    expectData(await report(accepted, metallb));
    expect(await runningOn("openebs-localpv")).toEqual({ total: 0, versions: { "1.0.0": 0 } });
    expectData(await report(accepted));
    expect(await runningOn("metallb-l2")).toEqual({ total: 2, versions: { "1.1.0": 2, "1.0.0": 1 } });
    expectData(await report(accepted, []));
    expect(await runningOn("metallb-l2")).toEqual({ total: 1, versions: { "1.1.0": 1, "1.0.0": 1 } });
  });

  it("forgets what a denied or revoked cluster reported", async () => {
    const denied = await buildRegisteredCluster(hub.database.dataSource);
    const revoked = await buildRegisteredCluster(hub.database.dataSource);
    await decide("acceptMemberCluster", revoked.cluster.id);
    const pair = [{ name: "rancher-management", version: "1.0.0" }];
    expectData(await report(denied, pair));
    expectData(await report(revoked, pair));
    expect((await runningOn("rancher-management")).total).toBe(1);
    await decide("denyMemberCluster", denied.cluster.id);
    expectData(
      await graphql(
        hub.url,
        REVOKE,
        { input: { id: toGlobalId("MemberCluster", revoked.cluster.id), reason: "decommissioned" } },
        { token: stewardToken },
      ),
    );
    expect((await runningOn("rancher-management")).total).toBe(0);
    const [{ rows }] = await hub.database.dataSource.query(
      "SELECT count(*)::int AS rows FROM cluster_running_blueprint WHERE cluster_id = ANY($1::uuid[])",
      [[denied.cluster.id, revoked.cluster.id]],
    );
    expect(rows).toBe(0);
  });

  it("refuses malformed or too many blueprints with BAD_USER_INPUT and stores nothing of the report", async () => {
    const cluster = await buildRegisteredCluster(hub.database.dataSource);
    const cases: Array<[Pair[], string]> = [
      [[{ name: "Not_A_Name", version: "1.0.0" }], "input.blueprints.0.name"],
      [[{ name: "metallb-l2", version: "latest" }], "input.blueprints.0.version"],
      [[{ name: "metallb-l2", version: "1.0.0+build.5" }], "input.blueprints.0.version"],
      [[{ name: "a".repeat(64), version: "1.0.0" }], "input.blueprints.0.name"],
      [
        Array.from({ length: 201 }, (_, index) => ({ name: `bp-${index}`, version: "1.0.0" })),
        "input.blueprints",
      ],
    ];
    for (const [blueprints, field] of cases) {
      const result = await report(cluster, blueprints);
      expectErrorCode(result, "BAD_USER_INPUT");
      expect(problemFields(result)).toContain(field);
    }
    const [{ rows }] = await hub.database.dataSource.query(
      "SELECT count(*)::int AS rows FROM cluster_status_sample WHERE cluster_id = $1",
      [cluster.cluster.id],
    );
    expect(rows).toBe(0);
    // 200 distinct pairs are fine; duplicates collapse.
    const many = Array.from({ length: 199 }, (_, index) => ({ name: `bp-${index}`, version: "1.0.0-rc.1" }));
    expectData(await report(cluster, [...many, many[0]]));
    const [{ stored }] = await hub.database.dataSource.query(
      "SELECT count(*)::int AS stored FROM cluster_running_blueprint WHERE cluster_id = $1",
      [cluster.cluster.id],
    );
    expect(stored).toBe(199);
  });
});
