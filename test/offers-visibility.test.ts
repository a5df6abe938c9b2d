import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import type { MemberCluster } from "../server/modules/clusters/member-cluster.entity.js";
import { MemberClusterEntity } from "../server/modules/clusters/member-cluster.entity.js";
import { buildAcceptedCluster } from "./support/cluster-factories.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { CAPACITY_OFFERS, CLUSTER_OFFER, SET_OFFER } from "./support/offer-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

interface Listed {
  version: number;
  status: string;
  viewerMayUse: boolean | null;
  cluster: { name: string };
}

let hub: TestHub;
let provider: Cooperative;
let guest: Cooperative;
let open: MemberCluster;
let guestDenied: MemberCluster;
let paused: MemberCluster;
let adminToken: string;
let guestToken: string;
let applicantToken: string;
let stewardToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  const dataSource = hub.database.dataSource;
  const admin = await buildPerson(dataSource);
  provider = await buildCooperative(dataSource, { admins: [admin] });
  adminToken = await buildApiToken(dataSource, admin);
  const guestPerson = await buildPerson(dataSource);
  guest = await buildCooperative(dataSource, { members: [guestPerson], tier: "tcc_member" });
  guestToken = await buildApiToken(dataSource, guestPerson);
  const applicant = await buildPerson(dataSource);
  await buildCooperative(dataSource, { admins: [applicant], status: "pending" });
  applicantToken = await buildApiToken(dataSource, applicant);
  ({ token: stewardToken } = await buildCaller(dataSource, { hubRoles: ["steward"] }));

  ({ cluster: open } = await buildAcceptedCluster(dataSource, { cooperative: provider }));
  ({ cluster: guestDenied } = await buildAcceptedCluster(dataSource, { cooperative: provider }));
  ({ cluster: paused } = await buildAcceptedCluster(dataSource, { cooperative: provider }));
  const guestId = toGlobalId("Cooperative", guest.id);
  await offer(open, { allow: { tiers: ["TCC_MEMBER"] } });
  await offer(guestDenied, { deny: { cooperativeIds: [guestId] } });
  await offer(paused, { paused: true });
});
afterAll(() => hub.stop());

async function offer(cluster: MemberCluster, input: Record<string, unknown>) {
  const result = await graphql(
    hub.url,
    SET_OFFER,
    { input: { clusterId: toGlobalId("MemberCluster", cluster.id), preemptible: false, ...input } },
    { token: adminToken },
  );
  expectData(result);
}

async function list(token: string, variables: Record<string, unknown> = {}) {
  const result = await graphql<{
    capacityOffers: { edges: Array<{ node: Listed }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
  }>(hub.url, CAPACITY_OFFERS, { first: 50, ...variables }, { token });
  return expectData(result).capacityOffers;
}

const byName = (connection: { edges: Array<{ node: Listed }> }) =>
  Object.fromEntries(connection.edges.map(({ node }) => [node.cluster.name, node]));

describe("The federation's offers", () => {
  it("show members of approved cooperatives which offers their cooperative may use, by the scheduler's rule", async () => {
    const offers = byName(await list(guestToken));
    expect(offers[open.name]).toMatchObject({ status: "ACTIVE", viewerMayUse: true });
    expect(offers[guestDenied.name]).toMatchObject({ status: "ACTIVE", viewerMayUse: false });
    expect(offers[paused.name]).toBeUndefined();
  });

  it("list paused offers on request; a paused offer admits nobody", async () => {
    const offers = byName(await list(guestToken, { filter: { includePaused: true } }));
    expect(offers[paused.name]).toMatchObject({ status: "PAUSED", viewerMayUse: false });
  });

  it("answer viewerMayUse for one named cooperative of the viewer, null for one the viewer is not in", async () => {
    const query = `query($id: ID!, $coop: ID) { memberCluster(id: $id) { offer { viewerMayUse(cooperativeId: $coop) } } }`;
    const ask = async (coop: string) => {
      const result = await graphql<{ memberCluster: { offer: { viewerMayUse: boolean | null } } }>(
        hub.url,
        query,
        { id: toGlobalId("MemberCluster", open.id), coop },
        { token: guestToken },
      );
      return expectData(result).memberCluster.offer.viewerMayUse;
    };
    expect(await ask(toGlobalId("Cooperative", guest.id))).toBe(true);
    expect(await ask(toGlobalId("Cooperative", provider.id))).toBeNull();
  });

  it("are visible to stewards (viewerMayUse null: no cooperative of their own)", async () => {
    const offers = byName(await list(stewardToken));
    expect(offers[open.name]).toMatchObject({ viewerMayUse: null });
  });

  it("are FORBIDDEN to people whose only cooperative is still an application, and hidden on the cluster", async () => {
    expectErrorCode(await graphql(hub.url, CAPACITY_OFFERS, {}, { token: applicantToken }), "FORBIDDEN");
    const result = await graphql<{ memberCluster: { offer: unknown; offerHistory: { edges: unknown[] } } }>(
      hub.url,
      CLUSTER_OFFER,
      { id: toGlobalId("MemberCluster", open.id) },
      { token: applicantToken },
    );
    expect(expectData(result).memberCluster).toEqual({ offer: null, offerHistory: { edges: [] } });
  });

  it("refuse anonymous callers", async () => {
    expectErrorCode(await graphql(hub.url, CAPACITY_OFFERS, {}), "UNAUTHENTICATED");
  });

  it("filter by cooperative and page with cursors", async () => {
    const mine = await list(guestToken, { filter: { cooperativeId: toGlobalId("Cooperative", guest.id) } });
    expect(mine.edges).toHaveLength(0);
    const first = await list(guestToken, { first: 1 });
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(guestToken, { first: 1, after: first.pageInfo.endCursor });
    expect(second.edges[0].node.cluster.name).not.toBe(first.edges[0].node.cluster.name);
  });

  it("leave out clusters that were revoked or taken out of the federation", async () => {
    const { cluster } = await buildAcceptedCluster(hub.database.dataSource, { cooperative: provider });
    await offer(cluster, {});
    expect(byName(await list(guestToken))[cluster.name]).toBeDefined();
    await hub.database.dataSource.manager.update(
      MemberClusterEntity,
      { id: cluster.id },
      { acceptance: "pending" },
    );
    expect(byName(await list(guestToken))[cluster.name]).toBeUndefined();
  });
});
