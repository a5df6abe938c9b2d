import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { MemberCluster } from "../server/modules/clusters/member-cluster.entity.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { PlacementDecisionEntity } from "../server/modules/placement/model/placement-decision.entity.js";
import type { Placement } from "../server/modules/placement/model/placement.entity.js";
import type { PlacementWork } from "../server/modules/placement/model/placement-work.entity.js";
import { buildAcceptedCluster } from "./support/cluster-factories.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { buildPlacementWithWork } from "./support/placement-factories.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const PLACEMENT = `query Placement($id: ID!) {
  placement(id: $id) {
    id name status sourceKind queuePosition tolerationSeconds waitForCapacity
    cooperative { id } createdBy { id }
    resources { replicas perReplica { resource amount } }
    mode { kind clusters }
    work { id replicas namespace desiredState removalReason reservation { resource amount }
      cluster { id name } providerCooperative { id }
      conditions { type status reason lastTransitionTime } objects { kind name status } }
    decision { id outcome trigger clusterCount filteredCount filterCounts { filter clusters }
      clusters { clusterName cooperativeName chosenReplicas total filtered { filter reason }
        scores { scorer score weight } cluster { id } } }
    decisions(first: 5) { outcome decidedAt }
  }
}`;

const PLACEMENTS = `query Placements($first: Int, $after: String, $filter: PlacementFilter) {
  placements(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id name status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let hub: TestHub;
let consumer: Cooperative;
let provider: Cooperative;
let other: Cooperative;
let providerCluster: MemberCluster;
let otherCluster: MemberCluster;
let placed: { placement: Placement; work: PlacementWork[] };
let tokens: Record<"consumer" | "provider" | "unrelated" | "steward", string>;

const id = (placement: Placement) => toGlobalId("Placement", placement.id);

beforeAll(async () => {
  hub = await startTestHub();
  const dataSource = hub.database.dataSource;
  const consumerAdmin = await buildPerson(dataSource);
  const providerMember = await buildPerson(dataSource);
  const unrelated = await buildPerson(dataSource);
  consumer = await buildCooperative(dataSource, { admins: [consumerAdmin] });
  provider = await buildCooperative(dataSource, { members: [providerMember] });
  other = await buildCooperative(dataSource, { members: [unrelated] });
  ({ cluster: providerCluster } = await buildAcceptedCluster(dataSource, { cooperative: provider }));
  ({ cluster: otherCluster } = await buildAcceptedCluster(dataSource, { cooperative: other }));
  tokens = {
    consumer: await buildApiToken(dataSource, consumerAdmin),
    provider: await buildApiToken(dataSource, providerMember),
    unrelated: await buildApiToken(dataSource, unrelated),
    steward: (await buildCaller(dataSource, { hubRoles: ["steward"] })).token,
  };
  placed = await buildPlacementWithWork(dataSource, {
    cooperative: consumer,
    createdById: consumerAdmin.id,
    work: [
      {
        cluster: providerCluster,
        replicas: 2,
        overrides: {
          conditions: [
            {
              type: "Available",
              status: "True",
              reason: "Ready",
              message: "",
              lastTransitionTime: "2026-01-01T00:00:00.000Z",
            },
          ],
          objects: [
            { apiVersion: "apps/v1", kind: "Deployment", name: "web", status: "Available", message: "" },
          ],
        },
      },
    ],
  });
  // The stored explanation in the scheduler's order: scored best first (one not chosen), then filtered.
  await dataSource.manager.save(PlacementDecisionEntity, [
    {
      placementId: placed.placement.id,
      decidedAt: new Date("2026-01-01T00:00:00Z"),
      outcome: "no_capacity",
      trigger: "initial",
      requestedReplicas: 2,
      placeableReplicas: 0,
      fairShare: 1,
      weights: { freeCapacity: 1, fairShare: 1, balance: 1, keepExisting: 1, leaseLosses: 1, preferOwn: 1 },
      explanation: [{ clusterId: otherCluster.id, filtered: { filter: "offer", reason: "no offer" } }],
    },
    {
      placementId: placed.placement.id,
      decidedAt: new Date("2026-01-02T00:00:00Z"),
      outcome: "placed",
      trigger: "queue",
      requestedReplicas: 2,
      placeableReplicas: 2,
      fairShare: 0.5,
      weights: { freeCapacity: 2, fairShare: 1, balance: 1, keepExisting: 1, leaseLosses: 1, preferOwn: 0 },
      explanation: [
        {
          clusterId: otherCluster.id,
          scores: { freeCapacity: 90, fairShare: 10 },
          total: 190,
          chosenReplicas: 0,
        },
        {
          clusterId: providerCluster.id,
          scores: { freeCapacity: 40, fairShare: 10 },
          total: 90,
          chosenReplicas: 2,
        },
        { clusterId: otherCluster.id, filtered: { filter: "taints", reason: "NoSelect taint" } },
        { clusterId: providerCluster.id, filtered: { filter: "offer", reason: "window closed" } },
        { clusterId: otherCluster.id, filtered: { filter: "offer", reason: "deny list" } },
      ],
    },
  ]);
});
afterAll(() => hub.stop());

async function read(token: string | undefined, placement: Placement = placed.placement) {
  return graphql<{ placement: Record<string, unknown> | null }>(
    hub.url,
    PLACEMENT,
    { id: id(placement) },
    { token },
  );
}

describe("Reading one placement", () => {
  it("is visible to its cooperative, the provider cooperative and stewards, null to others", async () => {
    for (const who of ["consumer", "provider", "steward"] as const) {
      const { placement } = expectData(await read(tokens[who]));
      expect(placement, who).toMatchObject({ id: id(placed.placement), status: "PLACED" });
    }
    expect(expectData(await read(tokens.unrelated)).placement).toBeNull();
    expectErrorCode(await read(undefined), "UNAUTHENTICATED");
  });

  it("resolves the request, the work with its status, and the latest decision", async () => {
    const { placement } = expectData(await read(tokens.consumer));
    expect(placement).toMatchObject({
      sourceKind: "MANIFESTS",
      queuePosition: null,
      cooperative: { id: toGlobalId("Cooperative", consumer.id) },
      resources: {
        replicas: 2,
        perReplica: [
          { resource: "cpu", amount: 500 },
          { resource: "memory", amount: 512 * 1024 ** 2 },
        ],
      },
      mode: { kind: "DIVIDED", clusters: null },
      work: [
        {
          id: toGlobalId("PlacementWork", placed.work[0].id),
          replicas: 2,
          desiredState: "PRESENT",
          removalReason: null,
          reservation: [
            { resource: "cpu", amount: 1000 },
            { resource: "memory", amount: 1024 ** 3 },
          ],
          cluster: { name: providerCluster.name },
          providerCooperative: { id: toGlobalId("Cooperative", provider.id) },
          conditions: [{ type: "Available", status: "True", lastTransitionTime: "2026-01-01T00:00:00.000Z" }],
          objects: [{ kind: "Deployment", name: "web", status: "Available" }],
        },
      ],
      decisions: [{ outcome: "PLACED" }, { outcome: "NO_CAPACITY" }],
    });
    const decision = placement?.decision as Record<string, unknown>;
    expect(decision).toMatchObject({
      outcome: "PLACED",
      trigger: "QUEUE",
      clusterCount: 5,
      filteredCount: 3,
    });
    expect(decision.filterCounts).toEqual([
      { filter: "offer", clusters: 2 },
      { filter: "taints", clusters: 1 },
    ]);
  });

  it("explains clusters chosen first, then scored, then filtered, with names and weights", async () => {
    const placement = expectData(await read(tokens.consumer)).placement as {
      decision: { clusters: Array<Record<string, unknown>> };
    };
    const lines = placement.decision.clusters;
    expect(
      lines.map((line) => [
        line.clusterName,
        line.chosenReplicas,
        (line.filtered as { reason: string } | null)?.reason ?? null,
      ]),
    ).toEqual([
      [providerCluster.name, 2, null],
      [otherCluster.name, 0, null],
      [otherCluster.name, 0, "NoSelect taint"],
      [providerCluster.name, 0, "window closed"],
      [otherCluster.name, 0, "deny list"],
    ]);
    expect(lines[0]).toMatchObject({
      cooperativeName: provider.name,
      total: 90,
      scores: [
        { scorer: "freeCapacity", score: 40, weight: 2 },
        { scorer: "fairShare", score: 10, weight: 1 },
      ],
      cluster: { id: toGlobalId("MemberCluster", providerCluster.id) },
    });
    expect(lines[2]).toMatchObject({ total: null, scores: [] });
  });

  it("limits the explanation with first and filteredOnly", async () => {
    const query = `query($id: ID!) { placement(id: $id) { decision {
      two: clusters(first: 2) { clusterName }
      filtered: clusters(filteredOnly: true, first: 2) { filtered { filter } } } } }`;
    const data = expectData(
      await graphql<{ placement: { decision: Record<string, unknown[]> } }>(
        hub.url,
        query,
        { id: id(placed.placement) },
        { token: tokens.provider },
      ),
    );
    expect(data.placement.decision.two).toHaveLength(2);
    expect(data.placement.decision.filtered).toEqual([
      { filtered: { filter: "taints" } },
      { filtered: { filter: "offer" } },
    ]);
  });

  it("resolves placements and their work as nodes, with the same visibility", async () => {
    const query = `query($a: ID!, $b: ID!) {
      a: node(id: $a) { __typename ... on Placement { name } }
      b: node(id: $b) { __typename ... on PlacementWork { replicas placement { name } } } }`;
    const variables = { a: id(placed.placement), b: toGlobalId("PlacementWork", placed.work[0].id) };
    const seen = expectData(await graphql(hub.url, query, variables, { token: tokens.provider }));
    expect(seen).toEqual({
      a: { __typename: "Placement", name: "web" },
      b: { __typename: "PlacementWork", replicas: 2, placement: { name: "web" } },
    });
    expect(expectData(await graphql(hub.url, query, variables, { token: tokens.unrelated }))).toEqual({
      a: null,
      b: null,
    });
  });

  it("gives queued placements their position in the fair-share queue", async () => {
    const dataSource = hub.database.dataSource;
    const admin = await buildPerson(dataSource);
    const waiting = await buildCooperative(dataSource, { admins: [admin] });
    const token = await buildApiToken(dataSource, admin);
    const older = await buildPlacementWithWork(dataSource, {
      cooperative: waiting,
      createdById: admin.id,
      overrides: { queuedAt: new Date("2026-01-01T00:00:00Z"), waitForCapacity: true },
    });
    const newer = await buildPlacementWithWork(dataSource, {
      cooperative: waiting,
      createdById: admin.id,
      overrides: { queuedAt: new Date("2026-01-01T01:00:00Z"), waitForCapacity: true },
    });
    const positionOf = async (placement: Placement) =>
      (expectData(await read(token, placement)).placement as { queuePosition: number }).queuePosition;
    const first = await positionOf(older.placement);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await positionOf(newer.placement)).toBe(first + 1);
  });
});

describe("Work of a placement", () => {
  it("lists current work first, then work being removed, then released work only when asked", async () => {
    const dataSource = hub.database.dataSource;
    const admin = await buildPerson(dataSource);
    const cooperative = await buildCooperative(dataSource, { admins: [admin] });
    const token = await buildApiToken(dataSource, admin);
    const [released, removing, current] = await Promise.all(
      [1, 2, 3].map(async () => (await buildAcceptedCluster(dataSource)).cluster),
    );
    const now = Date.now();
    const { placement } = await buildPlacementWithWork(dataSource, {
      cooperative,
      createdById: admin.id,
      work: [
        { cluster: released, removalRequestedAt: new Date(now - 60_000), releasedAt: new Date(now - 30_000) },
        { cluster: removing, removalRequestedAt: new Date(now - 10_000) },
        { cluster: current },
      ],
    });
    const query = `query($id: ID!) { placement(id: $id) {
      live: work { cluster { name } desiredState }
      all: work(includeReleased: true) { cluster { name } desiredState removalReason releasedAt } } }`;
    const data = expectData(
      await graphql<{
        placement: { live: Array<{ cluster: { name: string } }>; all: Array<{ cluster: { name: string } }> };
      }>(hub.url, query, { id: id(placement) }, { token }),
    );
    const names = (work: Array<{ cluster: { name: string } }>) => work.map((item) => item.cluster.name);
    expect(names(data.placement.live)).toEqual([current.name, removing.name]);
    expect(names(data.placement.all)).toEqual([current.name, removing.name, released.name]);
    expect(data.placement.all[1]).toMatchObject({ desiredState: "ABSENT", removalReason: "CANCELLED" });
  });
});

describe("Queue position", () => {
  it("serves higher fair share first, before age", async () => {
    const dataSource = hub.database.dataSource;
    const admin = await buildPerson(dataSource);
    const heavyUser = await buildCooperative(dataSource, { admins: [admin] });
    const giver = await buildCooperative(dataSource, { admins: [admin] });
    const token = await buildApiToken(dataSource, admin);
    const { cluster: elsewhere } = await buildAcceptedCluster(dataSource);
    // heavyUser has used an hour of another cooperative's capacity and provided nothing: F drops to the floor.
    await buildPlacementWithWork(dataSource, {
      cooperative: heavyUser,
      createdById: admin.id,
      work: [{ cluster: elsewhere, availableSince: new Date(Date.now() - 3_600_000) }],
    });
    const older = await buildPlacementWithWork(dataSource, {
      cooperative: heavyUser,
      createdById: admin.id,
      overrides: { queuedAt: new Date("2020-01-01T00:00:00Z") },
    });
    const newer = await buildPlacementWithWork(dataSource, {
      cooperative: giver,
      createdById: admin.id,
      overrides: { queuedAt: new Date("2026-06-01T00:00:00Z") },
    });
    const positionOf = async (placement: Placement) =>
      (expectData(await read(token, placement)).placement as { queuePosition: number }).queuePosition;
    expect(await positionOf(newer.placement)).toBeLessThan(await positionOf(older.placement));
  });
});

describe("Listing placements", () => {
  let extra: Placement[];

  beforeAll(async () => {
    const dataSource = hub.database.dataSource;
    const person = await buildPerson(dataSource);
    extra = [];
    for (let index = 0; index < 3; index += 1) {
      const { placement } = await buildPlacementWithWork(dataSource, {
        cooperative: other,
        createdById: person.id,
        status: index === 0 ? "failed" : "queued",
        overrides: { name: `other-${index}` },
      });
      extra.push(placement);
    }
  });

  async function list(token: string, variables: Record<string, unknown> = {}) {
    const result = await graphql<{
      placements: {
        edges: Array<{ node: { id: string; status: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(hub.url, PLACEMENTS, { first: 50, ...variables }, { token });
    return expectData(result).placements;
  }
  const ids = (connection: { edges: Array<{ node: { id: string } }> }) =>
    connection.edges.map(({ node }) => node.id);

  it("shows each viewer only what it may see", async () => {
    expect(ids(await list(tokens.consumer))).toContain(id(placed.placement));
    expect(ids(await list(tokens.provider))).toEqual([id(placed.placement)]);
    const unrelated = ids(await list(tokens.unrelated));
    expect(unrelated).not.toContain(id(placed.placement));
    expect(unrelated).toEqual([...extra].reverse().map(id));
    expect(ids(await list(tokens.steward))).toEqual(
      expect.arrayContaining([id(placed.placement), ...extra.map(id)]),
    );
    expectErrorCode(await graphql(hub.url, PLACEMENTS, {}), "UNAUTHENTICATED");
  });

  it("filters by cooperative, provider cooperative and status", async () => {
    const byProvider = await list(tokens.steward, {
      filter: { providerCooperativeId: toGlobalId("Cooperative", provider.id) },
    });
    expect(ids(byProvider)).toEqual([id(placed.placement)]);
    const byCooperative = await list(tokens.steward, {
      filter: { cooperativeId: toGlobalId("Cooperative", other.id) },
    });
    expect(ids(byCooperative)).toEqual([...extra].reverse().map(id));
    const failed = await list(tokens.unrelated, { filter: { statuses: ["FAILED"] } });
    expect(ids(failed)).toEqual([id(extra[0])]);
    // Another cooperative's filter never widens what a member sees.
    expect(
      ids(
        await list(tokens.unrelated, { filter: { cooperativeId: toGlobalId("Cooperative", consumer.id) } }),
      ),
    ).toEqual([]);
  });

  it("pages newest first with opaque cursors", async () => {
    const first = await list(tokens.unrelated, { first: 2 });
    expect(ids(first)).toEqual([id(extra[2]), id(extra[1])]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(tokens.unrelated, { first: 2, after: first.pageInfo.endCursor });
    expect(ids(second)).toEqual([id(extra[0])]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expectErrorCode(
      await graphql(hub.url, PLACEMENTS, { after: "not-a-cursor" }, { token: tokens.unrelated }),
      "BAD_USER_INPUT",
    );
  });
});
