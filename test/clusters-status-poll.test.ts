import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { SET_MAINTENANCE } from "./support/cluster-operations.js";
import { buildCaller } from "./support/factories.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** The `clusterStatusChanged` long-poll the cluster page uses instead of a fixed refresh. */
let hub: TestHub;
let stewardToken: string;
let outsiderToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
  ({ token: outsiderToken } = await buildCaller(hub.database.dataSource));
});
afterAll(() => hub.stop());

const POLL = `query($id: ID!, $since: DateTime!, $wait: Int) {
  clusterStatusChanged(id: $id, since: $since, waitSeconds: $wait) { changed memberCluster { updatedAt taints { key } } }
}`;
type Answer = {
  clusterStatusChanged: { changed: boolean; memberCluster: { updatedAt: string; taints: unknown[] } };
};

async function updatedAt(id: string): Promise<string> {
  const result = await graphql<{ memberCluster: { updatedAt: string } }>(
    hub.url,
    "query($id: ID!) { memberCluster(id: $id) { updatedAt } }",
    { id },
    { token: stewardToken },
  );
  return expectData(result).memberCluster.updatedAt;
}

describe("clusterStatusChanged", () => {
  it("answers as soon as the cluster changes, not at the end of the wait", async () => {
    const { cluster } = await buildRegisteredCluster(hub.database.dataSource);
    const id = toGlobalId("MemberCluster", cluster.id);
    const since = await updatedAt(id);
    const started = Date.now();
    const waiting = graphql<Answer>(hub.url, POLL, { id, since, wait: 20 }, { token: stewardToken });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expectData(
      await graphql(hub.url, SET_MAINTENANCE, { input: { id, maintenance: true } }, { token: stewardToken }),
    );
    const answer = expectData(await waiting).clusterStatusChanged;
    const elapsed = Date.now() - started;
    expect(answer.changed).toBe(true);
    expect(answer.memberCluster.taints).toEqual([{ key: "alliance.coop/maintenance" }]);
    expect(Date.parse(answer.memberCluster.updatedAt)).toBeGreaterThan(Date.parse(since));
    expect(elapsed).toBeGreaterThanOrEqual(1200);
    expect(elapsed).toBeLessThan(8000);
  });

  it("answers changed: false after the wait when nothing changed, and at once for an older since", async () => {
    const { cluster } = await buildRegisteredCluster(hub.database.dataSource);
    const id = toGlobalId("MemberCluster", cluster.id);
    const since = await updatedAt(id);
    const started = Date.now();
    const quiet = expectData(
      await graphql<Answer>(hub.url, POLL, { id, since, wait: 1 }, { token: stewardToken }),
    );
    expect(quiet.clusterStatusChanged.changed).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const older = new Date(Date.parse(since) - 1000).toISOString();
    const stale = expectData(
      await graphql<Answer>(hub.url, POLL, { id, since: older }, { token: stewardToken }),
    );
    expect(stale.clusterStatusChanged.changed).toBe(true);
  });

  it("hides clusters the viewer may not see, refuses anonymous callers and a wait over 25 s", async () => {
    const { cluster } = await buildRegisteredCluster(hub.database.dataSource);
    const id = toGlobalId("MemberCluster", cluster.id);
    const since = new Date().toISOString();
    expectErrorCode(
      await graphql(hub.url, POLL, { id, since, wait: 0 }, { token: outsiderToken }),
      "NOT_FOUND",
    );
    expectErrorCode(await graphql(hub.url, POLL, { id, since, wait: 0 }), "UNAUTHENTICATED");
    expectErrorCode(
      await graphql(hub.url, POLL, { id, since, wait: 26 }, { token: stewardToken }),
      "BAD_USER_INPUT",
    );
  });
});
