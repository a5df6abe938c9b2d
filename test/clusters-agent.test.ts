import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { eventually, sharedAgentClock, TestAgent } from "./support/cluster-agent-harness.js";
import {
  CREATE_JOIN_TOKEN,
  DECIDE,
  MEMBER_CLUSTER,
  MEMBER_CLUSTERS,
  REVOKE,
} from "./support/cluster-operations.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { signIn } from "./support/sign-in.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
const clock = new ManualClock(new Date());
let adaCookie: string;
let stewardToken: string;
let outsiderToken: string;
const agents: TestAgent[] = [];

beforeAll(async () => {
  hub = await startTestHub({ clock });
  const { dataSource } = hub.database;
  await buildCooperative(dataSource, { slug: "green-hosting", admins: [await buildPerson(dataSource)] });
  ({ cookie: adaCookie } = await signIn(hub.url, "demo-ada-admin", { secondFactor: true }));
  // The agent moves virtual time by hours: these tokens must outlive that.
  const farFuture = { expiresAt: new Date(Date.now() + 365 * 86_400_000) };
  stewardToken = await buildApiToken(dataSource, await buildSteward(dataSource), farFuture);
  outsiderToken = await buildApiToken(dataSource, await buildPerson(dataSource), farFuture);
});
afterAll(async () => {
  for (const agent of agents) {
    await agent.stop();
    agent.cleanUp();
  }
  await hub.stop();
});

interface View {
  acceptance: string;
  availability: string;
  conditions: Array<{ type: string; status: string; reason: string }>;
  capacity: { nodes: { total: number } } | null;
  events: { edges: Array<{ node: { type: string; source: string } }> };
}

async function view(id: string, credentials: { cookie?: string; token?: string } = { token: stewardToken }) {
  return expectData(
    await graphql<{ memberCluster: View | null }>(hub.url, MEMBER_CLUSTER, { id }, credentials),
  ).memberCluster;
}

async function federation(): Promise<string[]> {
  const result = await graphql<{ memberClusters: { edges: Array<{ node: { id: string } }> } }>(
    hub.url,
    MEMBER_CLUSTERS,
    {},
    { token: outsiderToken },
  );
  return expectData(result).memberClusters.edges.map((edge) => edge.node.id);
}

async function newAgent(clusterName: string, seed: number): Promise<{ agent: TestAgent; clusterId: string }> {
  const cooperativeId = expectData(
    await graphql<{ cooperative: { id: string } }>(hub.url, `{ cooperative(slug: "green-hosting") { id } }`),
  ).cooperative.id;
  const created = expectData(
    await graphql<{ createClusterJoinToken: { joinToken: string } }>(
      hub.url,
      CREATE_JOIN_TOKEN,
      { input: { cooperativeId, clusterName } },
      { cookie: adaCookie },
    ),
  ).createClusterJoinToken;
  const agent = new TestAgent(hub.url, sharedAgentClock(clock), seed);
  agents.push(agent);
  const state = await agent.join(created.joinToken);
  return { agent, clusterId: state.clusterId };
}

describe("The real agent against the hub", () => {
  it("joins, is visible to its cooperative, enters the federation when accepted, renews, reports, and stops when revoked", async () => {
    const { agent, clusterId } = await newAgent("agent-e2e", 11);
    expect(agent.state?.clusterName).toBe("agent-e2e");
    expect(agent.credential?.token).toMatch(/^ahc_/);
    expect((await view(clusterId, { cookie: adaCookie }))?.acceptance).toBe("PENDING");
    expect(await view(clusterId, { token: outsiderToken })).toBeNull();
    expect(await federation()).not.toContain(clusterId);

    expectData(
      await graphql(
        hub.url,
        DECIDE("acceptMemberCluster"),
        { input: { id: clusterId } },
        { token: stewardToken },
      ),
    );
    expect(await federation()).toContain(clusterId);

    const stopped = agent.start();
    const live = await eventually(async () => {
      const seen = await view(clusterId);
      return seen?.availability === "TRUE" && seen.capacity ? seen : undefined;
    });
    expect(live.capacity?.nodes.total).toBe(8);
    expect(live.conditions.map((condition) => [condition.type, condition.status])).toEqual([
      ["Available", "True"],
      ["CapacityFresh", "True"],
      ["ClockSynced", "True"],
      ["CredentialExpiring", "False"],
    ]);
    const renewedBefore = clock.now().getTime();
    await eventually(async () => (clock.now().getTime() - renewedBefore > 120_000 ? true : undefined));
    const [{ samples }] = await hub.database.dataSource.query(
      "SELECT count(*)::int AS samples FROM cluster_status_sample WHERE cluster_id = $1",
      [Buffer.from(clusterId, "base64url").toString().split(":")[1]],
    );
    expect(samples).toBeGreaterThanOrEqual(2);
    expect((await view(clusterId))?.availability).toBe("TRUE");

    expectData(
      await graphql(hub.url, REVOKE, { input: { id: clusterId, reason: "test" } }, { cookie: adaCookie }),
    );
    expect(await stopped).toMatchObject({ reason: "revoked" });
    const types = (await view(clusterId))?.events.edges.map((edge) => edge.node.type);
    expect(types).toEqual(expect.arrayContaining(["Registered", "Accepted", "AvailableTrue", "Revoked"]));
  });

  it("loses the lease when the agent stops and regains it after two renewals when it runs again", async () => {
    const { agent, clusterId } = await newAgent("agent-flap", 12);
    agent.start();
    await eventually(async () => ((await view(clusterId))?.availability === "TRUE" ? true : undefined));
    await agent.stop();
    clock.advance(41_000);
    await hub.clusters.sweeper.sweep(clock.now());
    const lost = await view(clusterId);
    expect(lost?.availability).toBe("UNKNOWN");
    expect(lost?.conditions[0]).toMatchObject({
      type: "Available",
      status: "Unknown",
      reason: "LeaseExpired",
    });

    agent.start();
    await eventually(async () => ((await view(clusterId))?.availability === "TRUE" ? true : undefined));
    const types = (await view(clusterId))?.events.edges.map((edge) => edge.node.type) ?? [];
    expect(types).toEqual(expect.arrayContaining(["LeaseLost", "LeaseRegained"]));
    await agent.stop();
  });
});
