import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import {
  DECIDE,
  MEMBER_CLUSTER,
  MEMBER_CLUSTERS,
  RENEW,
  REPORT,
  REVOKE,
  simulatedReport,
} from "./support/cluster-operations.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** The memberClusters filters and who sees which cluster, each filter against clusters it must leave out. */
let hub: TestHub;
let stewardToken: string;
let outsiderToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
  ({ token: outsiderToken } = await buildCaller(hub.database.dataSource));
});
afterAll(() => hub.stop());

interface Listed {
  memberClusters: { totalCount: number; edges: Array<{ node: { id: string; availability: string } }> };
}

async function listed(filter: Record<string, unknown>, token = stewardToken): Promise<string[]> {
  const result = expectData(await graphql<Listed>(hub.url, MEMBER_CLUSTERS, { filter }, { token }));
  expect(result.memberClusters.totalCount).toBe(result.memberClusters.edges.length);
  return result.memberClusters.edges.map((edge) => edge.node.id);
}

/** A cooperative with a member who can sign in by API token. */
async function cooperativeWithMember() {
  const member = await buildPerson(hub.database.dataSource);
  const cooperative = await buildCooperative(hub.database.dataSource, { members: [member] });
  return { cooperative, memberToken: await buildApiToken(hub.database.dataSource, member) };
}

async function registered(cooperative?: Awaited<ReturnType<typeof buildCooperative>>) {
  const built = await buildRegisteredCluster(hub.database.dataSource, { cooperative });
  return { ...built, id: toGlobalId("MemberCluster", built.cluster.id) };
}

const renew = (token: string) =>
  graphql(hub.url, RENEW, { input: { agentTime: new Date().toISOString() } }, { token });

describe("memberClusters filters", () => {
  it("filters by cooperative, across two cooperatives", async () => {
    const first = await cooperativeWithMember();
    const second = await cooperativeWithMember();
    const a1 = await registered(first.cooperative);
    const a2 = await registered(first.cooperative);
    const b1 = await registered(second.cooperative);
    const byFirst = await listed({ cooperativeId: toGlobalId("Cooperative", first.cooperative.id) });
    expect(byFirst.sort()).toEqual([a1.id, a2.id].sort());
    expect(await listed({ cooperativeId: toGlobalId("Cooperative", second.cooperative.id) })).toEqual([
      b1.id,
    ]);
    // The first cooperative's member asking for the second's clusters sees none: they are pending.
    expect(
      await listed({ cooperativeId: toGlobalId("Cooperative", second.cooperative.id) }, first.memberToken),
    ).toEqual([]);
    expect(await listed({}, first.memberToken)).toEqual(expect.arrayContaining([a1.id, a2.id]));
  });

  it("lists a renewing cluster only as available and a silent one only as unknown", async () => {
    const { cooperative } = await cooperativeWithMember();
    const renewing = await registered(cooperative);
    const silent = await registered(cooperative);
    const report = await simulatedReport(5, 4);
    expectData(
      await graphql(
        hub.url,
        REPORT,
        { input: { clusterUid: renewing.cluster.clusterUid, observedAt: new Date().toISOString(), report } },
        { token: renewing.credential },
      ),
    );
    expectData(await renew(renewing.credential));
    const cooperativeId = toGlobalId("Cooperative", cooperative.id);
    expect(await listed({ cooperativeId, availability: "TRUE" })).toEqual([renewing.id]);
    expect(await listed({ cooperativeId, availability: "UNKNOWN" })).toEqual([silent.id]);
    expect(await listed({ cooperativeId, availability: "FALSE" })).toEqual([]);
  });
});

describe("Deny and revoke", () => {
  it("denies: DENIED, seen by its cooperative and stewards, hidden from everyone else", async () => {
    const { cooperative, memberToken } = await cooperativeWithMember();
    const { id } = await registered(cooperative);
    expectErrorCode(
      await graphql(hub.url, DECIDE("denyMemberCluster"), { input: { id } }, { token: memberToken }),
      "FORBIDDEN",
    );
    const denied = expectData(
      await graphql<{ denyMemberCluster: { memberCluster: { acceptance: string } } }>(
        hub.url,
        DECIDE("denyMemberCluster"),
        { input: { id, note: "not our hardware" } },
        { token: stewardToken },
      ),
    );
    expect(denied.denyMemberCluster.memberCluster.acceptance).toBe("DENIED");
    const seenBy = async (token: string) =>
      expectData(
        await graphql<{ memberCluster: { acceptance: string } | null }>(
          hub.url,
          MEMBER_CLUSTER,
          { id },
          { token },
        ),
      ).memberCluster;
    expect(await seenBy(memberToken)).toMatchObject({ acceptance: "DENIED" });
    expect(await seenBy(stewardToken)).toMatchObject({ acceptance: "DENIED" });
    expect(await seenBy(outsiderToken)).toBeNull();
    expect(await listed({ acceptance: "DENIED" }, memberToken)).toContain(id);
    expect(await listed({ acceptance: "DENIED" })).toContain(id);
    expect(await listed({ acceptance: "DENIED" }, outsiderToken)).not.toContain(id);
    expect(await listed({}, outsiderToken)).not.toContain(id);
  });

  it("a steward's revoke makes the agent's next request UNAUTHENTICATED with reason revoked", async () => {
    const { id, credential, cluster } = await registered();
    expectData(await renew(credential));
    expectData(
      await graphql(hub.url, REVOKE, { input: { id, reason: "compromised" } }, { token: stewardToken }),
    );
    const refused = await renew(credential);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "revoked" });
    const report = await graphql(
      hub.url,
      REPORT,
      {
        input: {
          clusterUid: cluster.clusterUid,
          observedAt: new Date().toISOString(),
          report: await simulatedReport(),
        },
      },
      { token: credential },
    );
    expect(report.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "revoked" });
    expect(await listed({})).not.toContain(id);
    expect(await listed({ includeRevoked: true })).toContain(id);
  });
});
