import { randomUUID } from "node:crypto";
import { IsNull } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { AuditEventEntity } from "../server/modules/audit/audit-event.entity.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { toBase64Tarball, uploadFiles } from "../server/modules/blueprints/testing/upload-fixtures.js";
import { placeReplicas } from "../server/modules/placement/commands/place-replicas.js";
import { withReservationRetries } from "../server/modules/placement/reserve/with-reservation-retries.js";
import { expectNoOverCommit } from "./support/placement-invariants.js";
import { validateOffer } from "../server/modules/offers/validate-offer.js";
import { reservedOnCluster } from "../server/modules/offers/reserved-on-cluster.js";
import { PlacementDecisionEntity } from "../server/modules/placement/model/placement-decision.entity.js";
import { PlacementEntity } from "../server/modules/placement/model/placement.entity.js";
import { PlacementWorkEntity } from "../server/modules/placement/model/placement-work.entity.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, type GraphqlResult } from "./support/graphql-client.js";
import { buildPlaceableCluster, type PlaceableClusterOptions } from "./support/placeable-cluster.js";
import {
  CANCEL_PLACEMENT,
  CREATE_PLACEMENT,
  PREVIEW_PLACEMENT,
  placementRequest,
} from "./support/placement-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

interface Work {
  id: string;
  replicas: number;
  namespace: string;
  desiredState: string;
  removalReason: string | null;
  generation: number;
  cluster: { id: string; name: string };
  reservation: Array<{ resource: string; amount: number }>;
}
interface PlacementData {
  id: string;
  status: string;
  work: Work[];
  decision: {
    outcome: string;
    trigger: string;
    clusterCount: number;
    filteredCount: number;
    clusters: Array<{
      clusterName: string;
      chosenReplicas: number;
      filtered: { filter: string; reason: string } | null;
    }>;
  };
}

interface Preview {
  ok: boolean;
  problems: Array<{ field: string; message: string }>;
  assignments: Array<{ replicas: number }>;
  decision: { outcome: string; trigger: string };
}

let hub: TestHub;
let guest: Cooperative;
let adminToken: string;
let memberToken: string;
let otherAdminToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  const dataSource = hub.database.dataSource;
  const admin = await buildPerson(dataSource);
  const member = await buildPerson(dataSource);
  guest = await buildCooperative(dataSource, { admins: [admin], members: [member] });
  adminToken = await buildApiToken(dataSource, admin);
  memberToken = await buildApiToken(dataSource, member);
  const otherAdmin = await buildPerson(dataSource);
  await buildCooperative(dataSource, { admins: [otherAdmin] });
  otherAdminToken = await buildApiToken(dataSource, otherAdmin);
});
afterAll(() => hub.stop());

/** Clusters of one test share a `pool` label the request selects, so tests do not see each other's clusters. */
async function pool(name: string, specs: PlaceableClusterOptions[]) {
  const built = [];
  for (const spec of specs)
    built.push(
      await buildPlaceableCluster(hub.database.dataSource, {
        ...spec,
        labels: { pool: name, ...spec.labels },
      }),
    );
  return built;
}

const inPool = (name: string, extra: Record<string, unknown> = {}) =>
  placementRequest(toGlobalId("Cooperative", guest.id), {
    constraints: { labelSelector: { matchLabels: [{ key: "pool", value: name }] }, ...extra },
  });

function create(request: Record<string, unknown>, options: Record<string, unknown> = {}, token = adminToken) {
  return graphql<{ createPlacement: { placement: PlacementData } }>(
    hub.url,
    CREATE_PLACEMENT,
    { input: { request, ...options } },
    { token },
  );
}

const placed = (result: GraphqlResult<{ createPlacement: { placement: PlacementData } }>) =>
  expectData(result).createPlacement.placement;

const byCluster = (work: Work[]) =>
  Object.fromEntries(work.map((entry) => [entry.cluster.name, entry.replicas]));

describe("createPlacement", () => {
  it("divides replicas across clusters, reserves them and stores work, decision and audit event", async () => {
    const [small, large] = await pool("divided", [{ cpus: 3 }, { cpus: 5 }]);
    const placement = placed(await create({ ...inPool("divided"), replicas: 8 }));
    expect(placement.status).toBe("PLACED");
    expect(byCluster(placement.work)).toEqual({ [small.cluster.name]: 3, [large.cluster.name]: 5 });
    const work = placement.work.find((entry) => entry.cluster.name === large.cluster.name);
    expect(work?.reservation).toEqual([
      { resource: "cpu", amount: 5000 },
      { resource: "memory", amount: 5 * 1024 ** 3 },
    ]);
    expect(work?.namespace).toMatch(new RegExp(`^alliance-guest-${guest.slug}`.slice(0, 54)));
    expect(placement.decision).toMatchObject({ outcome: "PLACED", trigger: "INITIAL" });

    const manager = hub.database.dataSource.manager;
    const placementId = Buffer.from(placement.id, "base64url").toString().split(":")[1];
    const rows = await manager.findBy(PlacementWorkEntity, { placementId });
    const rendered = rows.find((row) => row.clusterId === large.cluster.id)?.manifests ?? [];
    const deployment = rendered.find((object) => object.kind === "Deployment") as {
      spec: { replicas: number };
      metadata: { labels: Record<string, string> };
    };
    expect(deployment.spec.replicas).toBe(5);
    expect(deployment.metadata.labels["alliance.coop/placement"]).toBe(placementId);
    expect(rows.every((row) => row.offerId !== null && row.offerVersion === 1)).toBe(true);
    expect(rows.every((row) => row.consumerCooperativeId === guest.id)).toBe(true);
    const decision = await manager.findOneByOrFail(PlacementDecisionEntity, { placementId });
    // The full explanation is stored: every accepted cluster of the hub, not just this pool.
    expect(decision.explanation.length).toBeGreaterThanOrEqual(2);
    // The offer's overrun reads the same live reservations: lowering the cap below them shows by how much.
    expect(await reservedOnCluster(manager, large.cluster.id)).toEqual({ cpu: 5000, memory: 5 * 1024 ** 3 });
    const audit = await manager.findOneBy(AuditEventEntity, {
      action: "placement.create",
      targetId: placementId,
    });
    expect(audit?.cooperativeId).toBe(guest.id);
  });

  it("runs all replicas on each of N clusters in Duplicated mode", async () => {
    await pool("duplicated", [{ cpus: 4 }, { cpus: 4 }, { cpus: 1 }]);
    const placement = placed(
      await create({ ...inPool("duplicated"), replicas: 3, mode: { kind: "DUPLICATED", clusters: 2 } }),
    );
    expect(placement.work.map((entry) => entry.replicas)).toEqual([3, 3]);
  });

  it("keeps within maxPerCluster", async () => {
    await pool("spread", [{ cpus: 8 }, { cpus: 8 }, { cpus: 8 }]);
    const placement = placed(
      await create({ ...inPool("spread"), replicas: 6, spread: { maxPerCluster: 2 } }),
    );
    expect(placement.work.map((entry) => entry.replicas)).toEqual([2, 2, 2]);
  });

  it("honours residency from the cluster's country and jurisdiction labels", async () => {
    const [american, german] = await pool("residency", [
      { labels: { country: "US", jurisdiction: "US" } },
      { labels: { country: "DE", jurisdiction: "EU" } },
    ]);
    const placement = placed(await create(inPool("residency", { jurisdictions: ["EU"], countries: ["DE"] })));
    expect(byCluster(placement.work)).toEqual({ [german.cluster.name]: 2 });
    const rejected = placement.decision.clusters.find((entry) => entry.clusterName === american.cluster.name);
    expect(rejected?.filtered?.filter).toBe("residency");
    expect(rejected?.filtered?.reason).toMatch(/jurisdiction US/);
  });

  it("matches offer tier lists set through the API against the requester's stored tier", async () => {
    // The editor sends GraphQL enum values; validateOffer stores them as the cooperative table spells tiers.
    const manager = hub.database.dataSource.manager;
    const terms = (side: "allow" | "deny", tier: string) =>
      validateOffer(manager, { clusterId: "unused", preemptible: false, [side]: { tiers: [tier] } });
    const [partnersOnly, vendorsOnly, noPartners] = await pool("tiers", [
      { offer: await terms("allow", "ALLIANCE_PARTNER") },
      { offer: await terms("allow", "VENDOR") },
      { offer: await terms("deny", "ALLIANCE_PARTNER") },
    ]);
    expect(guest.tier).toBe("alliance_partner");
    const placement = placed(await create({ ...inPool("tiers"), replicas: 1 }));
    expect(byCluster(placement.work)).toEqual({ [partnersOnly.cluster.name]: 1 });
    const reasons = Object.fromEntries(
      placement.decision.clusters.map((entry) => [entry.clusterName, entry.filtered?.filter]),
    );
    expect(reasons[vendorsOnly.cluster.name]).toBe("offerEligibility");
    expect(reasons[noPartners.cluster.name]).toBe("offerEligibility");
  });

  it("places storage only as far as an offer caps the storage class", async () => {
    const storageClasses = { fast: { allocated: 0, pending: 0 } };
    const [capped] = await pool("storage", [
      { storageClasses, offer: { caps: { "storage:fast": 10 * 1024 ** 3 } } },
      { storageClasses },
    ]);
    const resources = [
      { resource: "cpu", amount: 100 },
      { resource: "storage:fast", amount: 4 * 1024 ** 3 },
    ];
    const refused = await create({ ...inPool("storage"), replicas: 3, resources });
    expectErrorCode(refused, "NO_CAPACITY");
    expect(refused.errors?.[0]?.extensions?.explanation).toMatchObject({ placeableReplicas: 2 });
    const placement = placed(await create({ ...inPool("storage"), replicas: 2, resources }));
    expect(byCluster(placement.work)).toEqual({ [capped.cluster.name]: 2 });
  });

  it("fails with NO_CAPACITY and a compact explanation, storing the failed placement", async () => {
    const [cluster] = await pool("scarce", [{ cpus: 2 }]);
    const result = await create({ ...inPool("scarce"), replicas: 3 });
    expectErrorCode(result, "NO_CAPACITY");
    const extensions = result.errors?.[0]?.extensions as {
      placementId: string;
      explanation: {
        requestedReplicas: number;
        placeableReplicas: number;
        clusters: unknown[];
        filterCounts: unknown[];
      };
    };
    expect(extensions.explanation.requestedReplicas).toBe(3);
    expect(extensions.explanation.placeableReplicas).toBe(2);
    expect(extensions.explanation.clusters.length).toBeLessThanOrEqual(50);
    expect(extensions.explanation.clusters).toContainEqual(
      expect.objectContaining({ cluster: cluster.cluster.name, total: expect.any(Number) }),
    );
    expect(extensions.explanation.filterCounts).toContainEqual(
      expect.objectContaining({ filter: "labelSelector" }),
    );
    const stored = await hub.database.dataSource.manager.findOneByOrFail(PlacementEntity, {
      id: extensions.placementId,
    });
    expect(stored.status).toBe("failed");
    const decision = await hub.database.dataSource.manager.findOneByOrFail(PlacementDecisionEntity, {
      placementId: stored.id,
    });
    expect(decision.outcome).toBe("no_capacity");
    expect(
      await hub.database.dataSource.manager.countBy(PlacementWorkEntity, { placementId: stored.id }),
    ).toBe(0);
  });

  it("queues instead when asked to wait, and cancelling takes it out of the queue", async () => {
    await pool("queue", [{ cpus: 1 }]);
    const placement = placed(await create({ ...inPool("queue"), replicas: 4 }, { waitForCapacity: true }));
    expect(placement.status).toBe("QUEUED");
    expect(placement.decision.outcome).toBe("QUEUED");
    expect(placement.work).toEqual([]);
    const cancelled = expectData(
      await graphql<{ cancelPlacement: { placement: PlacementData } }>(
        hub.url,
        CANCEL_PLACEMENT,
        { input: { placementId: placement.id } },
        { token: adminToken },
      ),
    ).cancelPlacement.placement;
    expect(cancelled.status).toBe("CANCELLED");
  });

  it("serves a queued placement once capacity appears (the hub's queue runner)", async () => {
    await pool("waiting", [{ cpus: 1 }]);
    const placement = placed(await create({ ...inPool("waiting"), replicas: 2 }, { waitForCapacity: true }));
    expect(placement.status).toBe("QUEUED");
    await pool("waiting", [{ cpus: 1 }]);
    const placementId = Buffer.from(placement.id, "base64url").toString().split(":")[1];
    const manager = hub.database.dataSource.manager;
    await expect
      .poll(async () => (await manager.findOneByOrFail(PlacementEntity, { id: placementId })).status, {
        timeout: 15_000,
        interval: 200,
      })
      .toBe("placed");
    const work = await manager.findBy(PlacementWorkEntity, { placementId });
    expect(work.map((entry) => entry.replicas)).toEqual([1, 1]);
    const decisions = await manager.find(PlacementDecisionEntity, {
      where: { placementId },
      order: { decidedAt: "ASC" },
    });
    expect(decisions.map((decision) => [decision.trigger, decision.outcome])).toEqual([
      ["initial", "queued"],
      ["queue", "placed"],
    ]);
  });

  it("returns the same placement for the same idempotency key", async () => {
    await pool("idempotent", [{ cpus: 4 }]);
    const key = randomUUID();
    const first = placed(await create(inPool("idempotent"), { idempotencyKey: key }));
    const again = placed(await create(inPool("idempotent"), { idempotencyKey: key }));
    expect(again.id).toBe(first.id);
    const placementId = Buffer.from(first.id, "base64url").toString().split(":")[1];
    const live = await hub.database.dataSource.manager.findBy(PlacementWorkEntity, {
      placementId,
      releasedAt: IsNull(),
    });
    expect(live.reduce((sum, work) => sum + work.replicas, 0)).toBe(2);
  });

  it("cancels placed work: every live row becomes absent with a new generation, reservations kept", async () => {
    await pool("cancel", [{ cpus: 1 }, { cpus: 1 }]);
    const placement = placed(await create(inPool("cancel")));
    const cancel = () =>
      graphql<{ cancelPlacement: { placement: PlacementData } }>(
        hub.url,
        CANCEL_PLACEMENT,
        { input: { placementId: placement.id } },
        { token: adminToken },
      );
    const cancelled = expectData(await cancel()).cancelPlacement.placement;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.work.map((work) => [work.desiredState, work.removalReason, work.generation])).toEqual([
      ["ABSENT", "CANCELLED", 2],
      ["ABSENT", "CANCELLED", 2],
    ]);
    expectErrorCode(await cancel(), "CONFLICT");
    // Released only when the agent reports removal: a new request still finds the pool full.
    expectErrorCode(await create(inPool("cancel")), "NO_CAPACITY");
  });

  it("refuses another cooperative's admins and plain members with FORBIDDEN, anonymous callers with UNAUTHENTICATED", async () => {
    expectErrorCode(await create(inPool("divided"), {}, otherAdminToken), "FORBIDDEN");
    expectErrorCode(await create(inPool("divided"), {}, memberToken), "FORBIDDEN");
    expectErrorCode(
      await graphql(hub.url, CREATE_PLACEMENT, { input: { request: inPool("divided") } }),
      "UNAUTHENTICATED",
    );
    expectErrorCode(
      await graphql(hub.url, PREVIEW_PLACEMENT, { request: inPool("divided") }),
      "UNAUTHENTICATED",
    );
  });

  it("refuses disallowed kinds and privileged pods with BAD_USER_INPUT naming the object", async () => {
    const manifests = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: admin-all }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: miner }
spec:
  selector: { matchLabels: { app: miner } }
  template:
    metadata: { labels: { app: miner } }
    spec:
      containers:
        - name: miner
          image: example/miner
          securityContext: { privileged: true }
`;
    const result = await create({ ...inPool("divided"), manifests });
    expectErrorCode(result, "BAD_USER_INPUT");
    const problems = result.errors?.[0]?.extensions?.problems as Array<{
      object: string;
      document: number;
      message: string;
    }>;
    expect(problems).toContainEqual(
      expect.objectContaining({ object: "ClusterRole/admin-all", document: 1 }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        object: "Deployment/miner",
        document: 2,
        message: expect.stringMatching(/privileged/),
      }),
    );
  });

  it("refuses bad requests with BAD_USER_INPUT naming every field", async () => {
    const result = await create({
      ...inPool("divided"),
      name: "Not A Label",
      replicas: 0,
      resources: [{ resource: "bananas", amount: 1 }],
      tolerationSeconds: 5,
    });
    expectErrorCode(result, "BAD_USER_INPUT");
    const problems = (result.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string }>;
    const fields = problems.map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "input.request.name",
        "input.request.replicas",
        "input.request.resources.0.resource",
        "input.request.tolerationSeconds",
      ]),
    );
    const both = await create({
      ...inPool("divided"),
      blueprint: { blueprintVersionId: toGlobalId("BlueprintVersion", randomUUID()) },
    });
    expectErrorCode(both, "BAD_USER_INPUT");
  });
});

describe("createPlacement from a blueprint", () => {
  const PUBLISH = `mutation($input: PublishBlueprintVersionInput!) {
    publishBlueprintVersion(input: $input) { version { id version } } }`;
  const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ values.name }}
spec:
  replicas: 1
  selector: { matchLabels: { app: {{ values.name }} } }
  template:
    metadata: { labels: { app: {{ values.name }} } }
    spec:
      containers:
        - name: app
          image: nginxinc/nginx-unprivileged:1.27
`;

  it("renders the version with its parameters, validates and places the result", async () => {
    await pool("blueprint", [{ cpus: 4 }]);
    const tarball = toBase64Tarball(
      uploadFiles("placed-demo", "1.0.0", { "templates/manifests/deployment.yaml": DEPLOYMENT }),
    );
    const published = expectData(
      await graphql<{ publishBlueprintVersion: { version: { id: string } } }>(
        hub.url,
        PUBLISH,
        { input: { cooperativeId: toGlobalId("Cooperative", guest.id), tarball } },
        { token: adminToken },
      ),
    ).publishBlueprintVersion.version;
    const { manifests: _manifests, ...request } = inPool("blueprint");
    const fromBlueprint = (parameters: Record<string, unknown>) =>
      create({ ...request, blueprint: { blueprintVersionId: published.id, parameters } });
    const placement = placed(await fromBlueprint({ name: "shop" }));
    expect(placement.status).toBe("PLACED");
    const placementId = Buffer.from(placement.id, "base64url").toString().split(":")[1];
    const stored = await hub.database.dataSource.manager.findOneByOrFail(PlacementEntity, {
      id: placementId,
    });
    expect(stored.sourceKind).toBe("blueprint");
    expect(stored.manifests).toMatch(/kind: Deployment[\s\S]*name: shop/);
    expect(stored.blueprintParameters).toMatchObject({ name: "shop", replicas: 2 });
    const [work] = await hub.database.dataSource.manager.findBy(PlacementWorkEntity, { placementId });
    expect(
      work.manifests.map((object) => `${object.kind}/${(object.metadata as { name: string }).name}`),
    ).toEqual(["ConfigMap/shop", "Deployment/shop"]);
    const invalid = await fromBlueprint({ name: "NOT LOWER" });
    expectErrorCode(invalid, "BAD_USER_INPUT");
    const problems = (invalid.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string }>;
    expect(problems.map((problem) => problem.field)).toContain("input.request.blueprint.parameters/name");
  });
});

describe("placeReplicas (the building block of the queue and failover)", () => {
  const uuid = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1];
  const failover = (
    placementId: string,
    options: { replicas?: number; clusters?: number; avoid: string[] },
  ) =>
    withReservationRetries(hub.database.dataSource, async (manager, locks) => {
      const placement = await manager.findOneByOrFail(PlacementEntity, { id: placementId });
      return placeReplicas(manager, locks, placement, {
        now: new Date(),
        trigger: "failover",
        replicas: options.replicas,
        clusters: options.clusters,
        avoidClusterIds: options.avoid,
      });
    });

  it("places a lost Divided share elsewhere, growing existing work, and stores a failover decision", async () => {
    const [first, second] = await pool("failover-divided", [{ cpus: 2 }, { cpus: 3 }]);
    const placement = placed(await create({ ...inPool("failover-divided"), replicas: 4 }));
    expect(byCluster(placement.work)).toEqual({ [first.cluster.name]: 1, [second.cluster.name]: 3 });
    const outcome = await failover(uuid(placement.id), { replicas: 1, avoid: [second.cluster.id] });
    expect(outcome.placed).toBe(true);
    const manager = hub.database.dataSource.manager;
    const work = await manager.findBy(PlacementWorkEntity, {
      placementId: uuid(placement.id),
      releasedAt: IsNull(),
    });
    const grown = work.find((entry) => entry.clusterId === first.cluster.id);
    expect(grown).toMatchObject({
      replicas: 2,
      generation: 2,
      reservation: { cpu: 2000, memory: 2 * 1024 ** 3 },
    });
    const decisions = await manager.findBy(PlacementDecisionEntity, { placementId: uuid(placement.id) });
    expect(decisions.map((decision) => decision.trigger).sort()).toEqual(["failover", "initial"]);
    // Nothing left: the first cluster is full and the second is avoided.
    expect((await failover(uuid(placement.id), { replicas: 1, avoid: [second.cluster.id] })).placed).toBe(
      false,
    );
    await expectNoOverCommit(hub.database.dataSource);
  });

  it("replaces one lost Duplicated copy on a cluster that does not run one yet", async () => {
    const clusters = await pool("failover-duplicated", [{ cpus: 2 }, { cpus: 2 }, { cpus: 2 }]);
    const placement = placed(
      await create({
        ...inPool("failover-duplicated"),
        replicas: 2,
        mode: { kind: "DUPLICATED", clusters: 2 },
      }),
    );
    const running = placement.work.map((entry) => entry.cluster.name);
    const lost = clusters.find((entry) => entry.cluster.name === running[0]);
    const spare = clusters.find((entry) => !running.includes(entry.cluster.name));
    const outcome = await failover(uuid(placement.id), { clusters: 1, avoid: [lost?.cluster.id ?? ""] });
    expect(outcome.placed && outcome.work.map((entry) => [entry.clusterId, entry.replicas])).toEqual([
      [spare?.cluster.id, 2],
    ]);
  });
});

describe("previewPlacement", () => {
  it("answers the decision createPlacement would take, reserving nothing, with manifest problems listed", async () => {
    await pool("preview", [{ cpus: 2 }]);
    const preview = async (request: Record<string, unknown>) =>
      expectData(
        await graphql<{ previewPlacement: Preview }>(
          hub.url,
          PREVIEW_PLACEMENT,
          { request },
          { token: adminToken },
        ),
      ).previewPlacement;
    const first = await preview(inPool("preview"));
    expect(first.ok).toBe(true);
    expect(first.assignments).toEqual([expect.objectContaining({ replicas: 2 })]);
    expect(first.decision.trigger).toBe("PREVIEW");
    // Nothing was reserved: the same preview fits again.
    expect((await preview(inPool("preview"))).ok).toBe(true);
    const tooMany = await preview({ ...inPool("preview"), replicas: 3, manifests: "kind: Nope\n" });
    expect(tooMany.ok).toBe(false);
    expect(tooMany.decision.outcome).toBe("NO_CAPACITY");
    expect(tooMany.problems.length).toBeGreaterThan(0);
  });
});
