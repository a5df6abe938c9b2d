import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { AuditEventEntity } from "../server/modules/audit/audit-event.entity.js";
import { ClusterEventEntity } from "../server/modules/clusters/cluster-event.entity.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import type { MemberCluster } from "../server/modules/clusters/member-cluster.entity.js";
import { MemberClusterEntity } from "../server/modules/clusters/member-cluster.entity.js";
import { CapacityOfferEntity } from "../server/modules/offers/capacity-offer.entity.js";
import { buildAcceptedCluster, buildRegisteredCluster } from "./support/cluster-factories.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { CLUSTER_OFFER, SET_OFFER, WITHDRAW_OFFER } from "./support/offer-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

interface Offer {
  version: number;
  current: boolean;
  status: string;
  caps: Array<{ resource: string; amount: number }>;
  [field: string]: unknown;
}

let hub: TestHub;
let owner: Cooperative;
let cluster: MemberCluster;
let adminToken: string;
let memberToken: string;
let otherAdminToken: string;
let stewardToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  const dataSource = hub.database.dataSource;
  const admin = await buildPerson(dataSource);
  const member = await buildPerson(dataSource);
  owner = await buildCooperative(dataSource, { admins: [admin], members: [member] });
  ({ cluster } = await buildAcceptedCluster(dataSource, {
    cooperative: owner,
    labels: { country: "DE", jurisdiction: "EU", region: "eu-central" },
  }));
  adminToken = await buildApiToken(dataSource, admin);
  memberToken = await buildApiToken(dataSource, member);
  const otherAdmin = await buildPerson(dataSource);
  await buildCooperative(dataSource, { admins: [otherAdmin] });
  otherAdminToken = await buildApiToken(dataSource, otherAdmin);
  ({ token: stewardToken } = await buildCaller(dataSource, { hubRoles: ["steward"] }));
});
afterAll(() => hub.stop());

const clusterId = (target: MemberCluster = cluster) => toGlobalId("MemberCluster", target.id);

function setOffer(input: Record<string, unknown>, token = adminToken, target = cluster) {
  return graphql<{ setCapacityOffer: { offer: Offer } }>(
    hub.url,
    SET_OFFER,
    { input: { clusterId: clusterId(target), preemptible: false, ...input } },
    { token },
  );
}

async function readOffer(token = adminToken, target = cluster) {
  const result = await graphql<{
    memberCluster: { offer: Offer | null; offerHistory: { edges: Array<{ node: Offer }> } };
  }>(hub.url, CLUSTER_OFFER, { id: clusterId(target) }, { token });
  return expectData(result).memberCluster;
}

describe("Setting a capacity offer", () => {
  it("creates version 1 with every term, an audit event and a cluster event in the same change", async () => {
    const result = await setOffer({
      caps: [
        { resource: "memory", amount: 64 * 2 ** 30 },
        { resource: "cpu", amount: 8000 },
        { resource: "gpu:nvidia-a100", amount: 2 },
      ],
      freeSharePercent: 50,
      allow: { tiers: ["TCC_MEMBER", "ALLIANCE_PARTNER"] },
      deny: { tiers: ["VENDOR"] },
      windows: [{ days: [5, 1, 3], start: "18:00", end: "08:00", timeZone: "Europe/Berlin" }],
      preemptible: true,
      gracePeriodSeconds: 300,
      expectedVersion: 0,
    });
    const offer = expectData(result).setCapacityOffer.offer;
    expect(offer).toMatchObject({
      version: 1,
      current: true,
      status: "ACTIVE",
      caps: [
        { resource: "cpu", amount: 8000 },
        { resource: "gpu:nvidia-a100", amount: 2 },
        { resource: "memory", amount: 64 * 2 ** 30 },
      ],
      freeSharePercent: 50,
      allow: { cooperatives: [], tiers: ["TCC_MEMBER", "ALLIANCE_PARTNER"] },
      deny: { cooperatives: [], tiers: ["VENDOR"] },
      windows: [{ days: [1, 3, 5], start: "18:00", end: "08:00", timeZone: "Europe/Berlin" }],
      preemptible: true,
      gracePeriodSeconds: 300,
      residency: { country: "DE", jurisdiction: "EU", region: "eu-central" },
      overrun: [],
      supersededAt: null,
      cluster: { name: cluster.name },
    });
    const manager = hub.database.dataSource.manager;
    const audit = await manager.findBy(AuditEventEntity, {
      targetId: cluster.id,
      action: "capacityOffer.set",
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ version: 1, status: "active", previousVersion: null });
    expect(await manager.countBy(ClusterEventEntity, { clusterId: cluster.id, type: "OfferChanged" })).toBe(
      1,
    );
  });

  it("versions every change: history grows, only the newest is current, the old terms stay as they were", async () => {
    const result = await setOffer({
      caps: [{ resource: "cpu", amount: 2000 }],
      paused: true,
      expectedVersion: 1,
    });
    expect(expectData(result).setCapacityOffer.offer).toMatchObject({ version: 2, status: "PAUSED" });
    const { offer, offerHistory } = await readOffer();
    expect(offer).toMatchObject({ version: 2, current: true, preemptible: false, gracePeriodSeconds: 0 });
    const history = offerHistory.edges.map(({ node }) => node);
    expect(history.map((node) => [node.version, node.current, node.status])).toEqual([
      [2, true, "PAUSED"],
      [1, false, "ACTIVE"],
    ]);
    expect(history[1].supersededAt).toBeTruthy();
    expect(history[1].caps).toContainEqual({ resource: "cpu", amount: 8000 });
  });

  it("refuses a change based on a stale version with CONFLICT, writing nothing", async () => {
    const result = await setOffer({ expectedVersion: 1 });
    expectErrorCode(result, "CONFLICT");
    expect(result.errors?.[0].extensions?.reason).toBe("STATE_CHANGED");
    expect((await readOffer()).offer?.version).toBe(2);
  });

  it("names every failing path of bad input and writes nothing", async () => {
    const stranger = toGlobalId("Cooperative", "00000000-0000-4000-8000-000000000000");
    const ownerId = toGlobalId("Cooperative", owner.id);
    const result = await setOffer({
      caps: [
        { resource: "cpu", amount: -1 },
        { resource: "bandwidth", amount: 5 },
        { resource: "memory", amount: 1e30 },
      ],
      freeSharePercent: 150,
      windows: [
        { days: [1], start: "09:00", end: "17:00", timeZone: "Europe/Berlin" },
        { days: [1], start: "12:00", end: "13:00", timeZone: "Europe/Berlin" },
        { days: [8], start: "9:00", end: "10:00", timeZone: "Atlantis/Capital" },
      ],
      allow: { cooperativeIds: [stranger, ownerId, "garbage"], tiers: ["VENDOR"] },
      deny: { cooperativeIds: [ownerId], tiers: ["VENDOR"] },
    });
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result).sort()).toEqual(
      [
        "input.caps.0.amount",
        "input.caps.1.resource",
        "input.caps.2.amount",
        "input.freeSharePercent",
        "input.windows.1",
        "input.windows.2.days.0",
        "input.windows.2.start",
        "input.windows.2.timeZone",
        "input.allow.cooperativeIds.1",
        "input.allow.tiers.0",
        "input.allow.cooperativeIds.2",
        "input.allow.cooperativeIds.0",
      ].sort(),
    );
    expect((await readOffer()).offerHistory.edges).toHaveLength(2);
  });

  it("is for admins of the cluster's cooperative only: members, stewards and other cooperatives' admins get FORBIDDEN", async () => {
    for (const token of [memberToken, stewardToken, otherAdminToken]) {
      expectErrorCode(await setOffer({}, token), "FORBIDDEN");
      expectErrorCode(
        await graphql(hub.url, WITHDRAW_OFFER, { input: { clusterId: clusterId() } }, { token }),
        "FORBIDDEN",
      );
    }
    expect((await readOffer()).offer?.version).toBe(2);
  });

  it("refuses anonymous callers", async () => {
    const result = await graphql(hub.url, SET_OFFER, {
      input: { clusterId: clusterId(), preemptible: false },
    });
    expectErrorCode(result, "UNAUTHENTICATED");
  });

  it("is CONFLICT for a cluster that is not accepted, or revoked", async () => {
    const dataSource = hub.database.dataSource;
    const { cluster: pending } = await buildRegisteredCluster(dataSource, { cooperative: owner });
    const notAccepted = await setOffer({}, adminToken, pending);
    expectErrorCode(notAccepted, "CONFLICT");
    expect(notAccepted.errors?.[0].extensions?.reason).toBe("NOT_ACCEPTED");

    const { cluster: revoked } = await buildAcceptedCluster(dataSource, { cooperative: owner });
    await dataSource.manager.update(MemberClusterEntity, { id: revoked.id }, { revokedAt: new Date() });
    const wasRevoked = await setOffer({}, adminToken, revoked);
    expectErrorCode(wasRevoked, "CONFLICT");
    expect(wasRevoked.errors?.[0].extensions?.reason).toBe("REVOKED");
    expect(await dataSource.manager.countBy(CapacityOfferEntity, { clusterId: pending.id })).toBe(0);
  });
});

describe("Withdrawing a capacity offer", () => {
  it("adds a WITHDRAWN version and keeps the history; a second withdrawal is CONFLICT; offering again continues", async () => {
    const { cluster: target } = await buildAcceptedCluster(hub.database.dataSource, { cooperative: owner });
    const withdraw = () =>
      graphql<{ withdrawCapacityOffer: { offer: Offer } }>(
        hub.url,
        WITHDRAW_OFFER,
        { input: { clusterId: clusterId(target) } },
        { token: adminToken },
      );
    const nothing = await withdraw();
    expectErrorCode(nothing, "CONFLICT");
    expect(nothing.errors?.[0].extensions?.reason).toBe("NO_OFFER");

    expectData(await setOffer({ freeSharePercent: 20 }, adminToken, target));
    expect(expectData(await withdraw()).withdrawCapacityOffer.offer).toMatchObject({
      version: 2,
      status: "WITHDRAWN",
      current: true,
    });
    expectErrorCode(await withdraw(), "CONFLICT");
    const { offer, offerHistory } = await readOffer(adminToken, target);
    expect(offer).toMatchObject({ version: 2, status: "WITHDRAWN", freeSharePercent: 20 });
    expect(offerHistory.edges.map(({ node }) => node.status)).toEqual(["WITHDRAWN", "ACTIVE"]);
    const again = await setOffer({ freeSharePercent: 30 }, adminToken, target);
    expect(expectData(again).setCapacityOffer.offer).toMatchObject({ version: 3, status: "ACTIVE" });
    const audit = await hub.database.dataSource.manager.countBy(AuditEventEntity, {
      targetId: target.id,
      action: "capacityOffer.withdraw",
    });
    expect(audit).toBe(1);
  });
});
