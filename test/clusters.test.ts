import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { buildJoinToken, buildRegisteredCluster } from "./support/cluster-factories.js";
import {
  CREATE_JOIN_TOKEN,
  DECIDE,
  MEMBER_CLUSTER,
  MEMBER_CLUSTERS,
  REGISTER,
  RENEW,
  REVOKE,
  SET_LABELS,
  SET_MAINTENANCE,
} from "./support/cluster-operations.js";
import { buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { expectLeastPrivilegeManifest, parseManifest } from "./support/install-manifest-expectations.js";
import { signIn } from "./support/sign-in.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
const clock = new ManualClock(new Date());
let adaCookie: string;
let stewardToken: string;
let outsiderToken: string;

beforeAll(async () => {
  hub = await startTestHub({ clock });
  const founder = await buildPerson(hub.database.dataSource);
  await buildCooperative(hub.database.dataSource, { slug: "green-hosting", admins: [founder] });
  ({ cookie: adaCookie } = await signIn(hub.url, "demo-ada-admin", { secondFactor: true }));
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
  ({ token: outsiderToken } = await buildCaller(hub.database.dataSource));
});
afterAll(() => hub.stop());

async function greenHostingId(): Promise<string> {
  const result = await graphql<{ cooperative: { id: string } }>(
    hub.url,
    `{ cooperative(slug: "green-hosting") { id } }`,
  );
  return expectData(result).cooperative.id;
}

async function createToken(clusterName: string, expiresInMinutes?: number) {
  const result = await graphql<{
    createClusterJoinToken: {
      joinToken: string;
      expiresAt: string;
      installCommand: string;
      cliCommand: string;
    };
  }>(
    hub.url,
    CREATE_JOIN_TOKEN,
    { input: { cooperativeId: await greenHostingId(), clusterName, expiresInMinutes } },
    { cookie: adaCookie },
  );
  return expectData(result).createClusterJoinToken;
}

function register(joinToken: string, clusterUid: string = randomUUID()) {
  return graphql<{
    registerCluster: {
      cluster: { id: string; name: string };
      credential: { token: string; expiresAt: string };
    };
  }>(hub.url, REGISTER, {
    input: { joinToken, clusterUid, kubernetesVersion: "v1.34.2", agentVersion: "0.1.0" },
  });
}

describe("Join tokens", () => {
  it("are created by a cooperative admin with a recent second factor, shown once, stored hashed", async () => {
    const created = await createToken("berlin-1");
    expect(created.joinToken).toMatch(/^ahj_[\w-]{43}$/);
    expect(Date.parse(created.expiresAt) - clock.now().getTime()).toBe(3_600_000);
    expect(created.installCommand).toContain(`${hub.url}/api/clusters/install.yaml`);
    expect(created.installCommand).toContain(`Authorization: Bearer ${created.joinToken}`);
    expect(created.cliCommand).toContain(
      `alliance-agent join --hub ${hub.url}/graphql --token ${created.joinToken}`,
    );
    const rows = await hub.database.dataSource.query("SELECT * FROM cluster_join_token");
    expect(JSON.stringify(rows)).not.toContain(created.joinToken);
    const audit = await hub.database.dataSource.query(
      "SELECT data FROM audit_event WHERE action = 'cluster.join_token_created'",
    );
    expect(JSON.stringify(audit)).not.toContain(created.joinToken);
  });

  it("need a recent second factor, admin rights, and a valid name", async () => {
    const cooperativeId = await greenHostingId();
    const input = { cooperativeId, clusterName: "leipzig-1" };
    const { cookie: noSecondFactor } = await signIn(hub.url, "demo-ada-admin", { secondFactor: false });
    expectErrorCode(
      await graphql(hub.url, CREATE_JOIN_TOKEN, { input }, { cookie: noSecondFactor }),
      "STEP_UP_REQUIRED",
    );
    expectErrorCode(
      await graphql(hub.url, CREATE_JOIN_TOKEN, { input }, { token: outsiderToken }),
      "FORBIDDEN",
    );
    expectErrorCode(await graphql(hub.url, CREATE_JOIN_TOKEN, { input }), "UNAUTHENTICATED");
    const bad = await graphql(
      hub.url,
      CREATE_JOIN_TOKEN,
      { input: { cooperativeId, clusterName: "-Bad_Name", expiresInMinutes: 1 } },
      { cookie: adaCookie },
    );
    expectErrorCode(bad, "BAD_USER_INPUT");
    expect(problemFields(bad)).toEqual(["input.clusterName", "input.expiresInMinutes"]);
  });

  it("fetch the install manifest with the token in the header, never in the URL", async () => {
    const { joinToken } = await createToken("manifest-1");
    const url = `${hub.url}/api/clusters/install.yaml`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${joinToken}` } });
    expect(response.status).toBe(200);
    const manifest = await response.text();
    for (const kind of [
      "Namespace",
      "ServiceAccount",
      "Secret",
      "ClusterRole",
      "Deployment",
      "ValidatingAdmissionPolicy",
    ])
      expect(manifest).toContain(`kind: ${kind}\n`);
    expect(manifest).toContain(`token: ${joinToken}`);
    expect(manifest).toContain(`value: ${hub.url}/graphql`);
    expect(manifest).not.toMatch(/verbs:\n(\s+- .*\n)*\s+- "?\*"?/);
    expectLeastPrivilegeManifest(parseManifest(manifest), joinToken, `${hub.url}/graphql`);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer ahj_unknown" } })).status).toBe(401);
  });
});

describe("Registration", () => {
  it("trades the token for a credential once; unknown, used and expired tokens are UNAUTHENTICATED with the reason", async () => {
    const { joinToken } = await createToken("reg-1");
    const registered = expectData(await register(joinToken)).registerCluster;
    expect(registered.credential.token).toMatch(/^ahc_/);
    expect(registered.cluster.name).toBe("reg-1");
    const used = await register(joinToken);
    expectErrorCode(used, "UNAUTHENTICATED");
    expect(used.errors?.[0]?.extensions?.reason).toBe("used");
    const unknown = await register("ahj_nothing");
    expect(unknown.errors?.[0]?.extensions?.reason).toBe("unknown");
    const { secret } = await buildJoinToken(hub.database.dataSource, {
      expiresAt: new Date(clock.now().getTime() - 1),
    });
    const expired = await register(secret);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "expired" });
    const credentials = await hub.database.dataSource.query("SELECT secret_hash FROM cluster_credential");
    expect(JSON.stringify(credentials)).not.toContain(registered.credential.token);
  });

  it("refuses bad identity fields without using the token up", async () => {
    const { joinToken } = await createToken("reg-bad");
    const bad = await graphql(hub.url, REGISTER, {
      input: { joinToken, clusterUid: "not a uid!", kubernetesVersion: "latest", agentVersion: "" },
    });
    expectErrorCode(bad, "BAD_USER_INPUT");
    expect(problemFields(bad)).toEqual(["input.clusterUid", "input.kubernetesVersion", "input.agentVersion"]);
    expectData(await register(joinToken));
  });

  it("keeps the identity and history when the same cluster joins again, and old credentials stop working", async () => {
    const uid = randomUUID();
    const first = expectData(await register((await createToken("rejoin")).joinToken, uid)).registerCluster;
    clock.advance(1000);
    const again = expectData(await register((await createToken("rejoin")).joinToken, uid)).registerCluster;
    expect(again.cluster.id).toBe(first.cluster.id);
    const old = await graphql(
      hub.url,
      RENEW,
      { input: { agentTime: clock.now().toISOString() } },
      { token: first.credential.token },
    );
    expectErrorCode(old, "UNAUTHENTICATED");
    expect(old.status).toBe(401);
    const view = expectData(
      await graphql<{ memberCluster: { events: { edges: Array<{ node: { type: string } }> } } }>(
        hub.url,
        MEMBER_CLUSTER,
        { id: first.cluster.id },
        { cookie: adaCookie },
      ),
    );
    expect(view.memberCluster.events.edges.map((edge) => edge.node.type)).toEqual([
      "Reregistered",
      "Registered",
    ]);
  });

  it("is a CONFLICT when another cooperative claims a registered cluster", async () => {
    const uid = randomUUID();
    expectData(await register((await createToken("claimed")).joinToken, uid));
    const { secret } = await buildJoinToken(hub.database.dataSource);
    const stolen = await register(secret, uid);
    expectErrorCode(stolen, "CONFLICT");
    expect(stolen.errors?.[0]?.extensions?.reason).toBe("CLUSTER_REGISTERED_ELSEWHERE");
  });
});

describe("Acceptance and visibility", () => {
  it("shows a new cluster to its cooperative at once, to the federation only after a steward accepts", async () => {
    const { cluster } = expectData(await register((await createToken("optin-1")).joinToken)).registerCluster;
    const asOutsider = () =>
      graphql<{ memberCluster: unknown }>(
        hub.url,
        MEMBER_CLUSTER,
        { id: cluster.id },
        { token: outsiderToken },
      );
    expect(expectData(await asOutsider()).memberCluster).toBeNull();
    const own = expectData(
      await graphql<{
        memberCluster: { acceptance: string; availability: string; cooperative: { slug: string } };
      }>(hub.url, MEMBER_CLUSTER, { id: cluster.id }, { cookie: adaCookie }),
    );
    expect(own.memberCluster).toMatchObject({
      acceptance: "PENDING",
      availability: "UNKNOWN",
      cooperative: { slug: "green-hosting" },
    });
    const queue = expectData(
      await graphql<{ memberClusters: { edges: Array<{ node: { id: string } }> } }>(
        hub.url,
        MEMBER_CLUSTERS,
        { filter: { acceptance: "PENDING" } },
        { token: stewardToken },
      ),
    );
    expect(queue.memberClusters.edges.map((edge) => edge.node.id)).toContain(cluster.id);

    expectErrorCode(
      await graphql(
        hub.url,
        DECIDE("acceptMemberCluster"),
        { input: { id: cluster.id } },
        { cookie: adaCookie },
      ),
      "FORBIDDEN",
    );
    const accepted = expectData(
      await graphql<{ acceptMemberCluster: { memberCluster: { acceptance: string } } }>(
        hub.url,
        DECIDE("acceptMemberCluster"),
        { input: { id: cluster.id, note: "checked the hardware" } },
        { token: stewardToken },
      ),
    );
    expect(accepted.acceptMemberCluster.memberCluster.acceptance).toBe("ACCEPTED");
    expect(expectData(await asOutsider()).memberCluster).not.toBeNull();
    expectErrorCode(
      await graphql(
        hub.url,
        DECIDE("denyMemberCluster"),
        { input: { id: cluster.id } },
        { token: stewardToken },
      ),
      "CONFLICT",
    );
    const unaccepted = expectData(
      await graphql<{ unacceptMemberCluster: { memberCluster: { acceptance: string } } }>(
        hub.url,
        DECIDE("unacceptMemberCluster"),
        { input: { id: cluster.id } },
        { token: stewardToken },
      ),
    );
    expect(unaccepted.unacceptMemberCluster.memberCluster.acceptance).toBe("PENDING");
    expect(expectData(await asOutsider()).memberCluster).toBeNull();
    const audit = await hub.database.dataSource.query(
      "SELECT action FROM audit_event WHERE target_id = $1 ORDER BY occurred_at, action",
      [Buffer.from(cluster.id, "base64url").toString().split(":")[1]],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(
      expect.arrayContaining(["cluster.registered", "cluster.accepted", "cluster.unaccepted"]),
    );
  });

  it("answers node(id) with the same visibility", async () => {
    const { cluster } = expectData(await register((await createToken("node-1")).joinToken)).registerCluster;
    const NODE = "query($id: ID!) { node(id: $id) { ... on MemberCluster { name } } }";
    expect(expectData(await graphql(hub.url, NODE, { id: cluster.id }, { cookie: adaCookie })).node).toEqual({
      name: "node-1",
    });
    expect(
      expectData(await graphql(hub.url, NODE, { id: cluster.id }, { token: outsiderToken })).node,
    ).toBeNull();
  });

  it("lists clusters and hides other cooperatives' unaccepted clusters", async () => {
    const other = await buildRegisteredCluster(hub.database.dataSource);
    const listed = expectData(
      await graphql<{ memberClusters: { edges: Array<{ node: { id: string } }> } }>(
        hub.url,
        MEMBER_CLUSTERS,
        {},
        { cookie: adaCookie },
      ),
    );
    const otherId = Buffer.from(`MemberCluster:${other.cluster.id}`).toString("base64url");
    expect(listed.memberClusters.edges.map((edge) => edge.node.id)).not.toContain(otherId);
    expectErrorCode(await graphql(hub.url, MEMBER_CLUSTERS, {}), "UNAUTHENTICATED");
    // Each filter against clusters it must leave out: test/clusters-filters.test.ts.
  });
});

describe("Labels, maintenance and revocation", () => {
  it("sets standard labels, filters by them, and validates the country", async () => {
    const { cluster } = expectData(await register((await createToken("labels-1")).joinToken)).registerCluster;
    const labels = [
      { key: "country", value: "de" },
      { key: "jurisdiction", value: "EU" },
      { key: "region", value: "berlin" },
    ];
    const set = expectData(
      await graphql<{ setMemberClusterLabels: { memberCluster: { labels: unknown[] } } }>(
        hub.url,
        SET_LABELS,
        { input: { id: cluster.id, labels } },
        { cookie: adaCookie },
      ),
    );
    expect(set.setMemberClusterLabels.memberCluster.labels).toEqual([
      { key: "country", value: "DE" },
      { key: "jurisdiction", value: "EU" },
      { key: "region", value: "berlin" },
    ]);
    const filtered = expectData(
      await graphql<{ memberClusters: { edges: Array<{ node: { id: string } }> } }>(
        hub.url,
        MEMBER_CLUSTERS,
        { filter: { label: { key: "region", value: "berlin" } } },
        { cookie: adaCookie },
      ),
    );
    expect(filtered.memberClusters.edges.map((edge) => edge.node.id)).toEqual([cluster.id]);
    const bad = await graphql(
      hub.url,
      SET_LABELS,
      {
        input: {
          id: cluster.id,
          labels: [
            { key: "country", value: "Germany" },
            { key: "bad key!", value: "x" },
          ],
        },
      },
      { cookie: adaCookie },
    );
    expect(problemFields(bad)).toEqual(["input.labels.0.value", "input.labels.1.key"]);
    expectErrorCode(
      await graphql(hub.url, SET_LABELS, { input: { id: cluster.id, labels: [] } }, { token: outsiderToken }),
      "NOT_FOUND",
    );
  });

  it("sets and clears the maintenance taint", async () => {
    const { cluster } = expectData(await register((await createToken("maint-1")).joinToken)).registerCluster;
    const on = expectData(
      await graphql<{ setMemberClusterMaintenance: { memberCluster: { taints: unknown[] } } }>(
        hub.url,
        SET_MAINTENANCE,
        { input: { id: cluster.id, maintenance: true, reason: "kernel upgrade" } },
        { cookie: adaCookie },
      ),
    );
    expect(on.setMemberClusterMaintenance.memberCluster.taints).toEqual([
      { key: "alliance.coop/maintenance", effect: "NoSchedule", value: "kernel upgrade" },
    ]);
    const off = expectData(
      await graphql<{ setMemberClusterMaintenance: { memberCluster: { taints: unknown[] } } }>(
        hub.url,
        SET_MAINTENANCE,
        { input: { id: cluster.id, maintenance: false } },
        { token: stewardToken },
      ),
    );
    expect(off.setMemberClusterMaintenance.memberCluster.taints).toEqual([]);
  });

  it("revokes: the agent's next request is UNAUTHENTICATED with reason revoked", async () => {
    const { cluster, credential } = expectData(
      await register((await createToken("revoke-1")).joinToken),
    ).registerCluster;
    const renew = () =>
      graphql(
        hub.url,
        RENEW,
        { input: { agentTime: clock.now().toISOString() } },
        { token: credential.token },
      );
    expectData(await renew());
    expectErrorCode(
      await graphql(hub.url, REVOKE, { input: { id: cluster.id } }, { token: outsiderToken }),
      "NOT_FOUND",
    );
    expectData(
      await graphql(
        hub.url,
        REVOKE,
        { input: { id: cluster.id, reason: "decommissioned" } },
        { cookie: adaCookie },
      ),
    );
    const refused = await renew();
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "revoked" });
    expectErrorCode(
      await graphql(hub.url, REVOKE, { input: { id: cluster.id } }, { cookie: adaCookie }),
      "CONFLICT",
    );
  });
});
