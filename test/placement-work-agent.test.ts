import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { inTransaction } from "../server/db/transaction.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { MemberCluster } from "../server/modules/clusters/member-cluster.entity.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import type { Person } from "../server/modules/people/person.entity.js";
import {
  type PlacementWork,
  PlacementWorkEntity,
} from "../server/modules/placement/model/placement-work.entity.js";
import { MAX_REPORTED_OBJECTS } from "../server/modules/placement/work/work-report-schema.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { REVOKE } from "./support/cluster-operations.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { buildPlaceableCluster } from "./support/placeable-cluster.js";
import { CANCEL_PLACEMENT, CREATE_PLACEMENT, placementRequest } from "./support/placement-operations.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { buildPlacementWithWork, type WorkSpec } from "./support/placement-factories.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const AGENT_WORK = `{ agentWork { id generation desiredState namespace guestCooperativeSlug placementId replicas
  reservation { resource amount } manifests } }`;
const REPORT = `mutation($input: ReportWorkStatusInput!) { reportWorkStatus(input: $input) { accepted } }`;

interface AgentWorkItem {
  id: string;
  generation: number;
  desiredState: string;
  namespace: string;
  guestCooperativeSlug: string;
  placementId: string;
  replicas: number;
  reservation: Array<{ resource: string; amount: number }>;
  manifests: Array<Record<string, unknown>>;
}

let hub: TestHub;
const clock = new ManualClock(new Date());
let guest: Cooperative;
let guestAdminId: string;
let guestAdmin: Person;
let personToken: string;

beforeAll(async () => {
  hub = await startTestHub({ clock });
  const admin = await buildPerson(hub.database.dataSource);
  guestAdminId = admin.id;
  guestAdmin = admin;
  guest = await buildCooperative(hub.database.dataSource, { admins: [admin] });
  ({ token: personToken } = await buildCaller(hub.database.dataSource));
  // Failover is tested elsewhere: its background run would place the share of the cluster revoked below onto a
  // placeable cluster of a later test, whose agent would then list work the test does not expect.
  await hub.placementFailover.stop();
});
afterAll(() => hub.stop());

/** A fresh registered cluster with its agent credential. */
const newCluster = () => buildRegisteredCluster(hub.database.dataSource, { now: clock.now() });

async function placeOn(specs: WorkSpec[]): Promise<PlacementWork[]> {
  return (
    await buildPlacementWithWork(hub.database.dataSource, {
      cooperative: guest,
      createdById: guestAdminId,
      work: specs,
    })
  ).work;
}

const agentWork = async (credential: string) =>
  expectData(await graphql<{ agentWork: AgentWorkItem[] }>(hub.url, AGENT_WORK, {}, { token: credential }))
    .agentWork;

const report = (credential: string, input: Record<string, unknown>) =>
  graphql<{ reportWorkStatus: { accepted: boolean } }>(hub.url, REPORT, { input }, { token: credential });

const workInput = (work: PlacementWork, extra: Record<string, unknown> = {}) => ({
  workId: toGlobalId("PlacementWork", work.id),
  generation: work.generation,
  conditions: [],
  objects: [],
  ...extra,
});

const stored = (work: PlacementWork) =>
  hub.database.dataSource.manager.findOneByOrFail(PlacementWorkEntity, { id: work.id });

const condition = (type: string, status: string, reason = `${type}${status}`) => ({ type, status, reason });

describe("agentWork", () => {
  it("lists the calling cluster's live work only, oldest first, PRESENT and ABSENT", async () => {
    const own = await newCluster();
    const other = await newCluster();
    const [first] = await placeOn([{ cluster: own.cluster, replicas: 2 }, { cluster: other.cluster }]);
    clock.advance(1000);
    const [removing] = await placeOn([{ cluster: own.cluster, removalRequestedAt: clock.now() }]);
    await placeOn([{ cluster: own.cluster, releasedAt: clock.now(), removalRequestedAt: clock.now() }]);

    const items = await agentWork(own.credential);
    expect(items.map((item) => item.id)).toEqual([
      toGlobalId("PlacementWork", first.id),
      toGlobalId("PlacementWork", removing.id),
    ]);
    expect(items[0]).toEqual({
      id: toGlobalId("PlacementWork", first.id),
      generation: 1,
      desiredState: "PRESENT",
      namespace: first.namespace,
      guestCooperativeSlug: guest.slug,
      placementId: toGlobalId("Placement", first.placementId),
      replicas: 2,
      reservation: [
        { resource: "cpu", amount: 1000 },
        { resource: "memory", amount: 1024 * 1024 ** 2 },
      ],
      manifests: [
        { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 2 } },
      ],
    });
    expect(items[1].desiredState).toBe("ABSENT");
    expect((await agentWork(other.credential)).map((item) => item.id)).not.toContain(items[0].id);
  });

  it("refuses people with FORBIDDEN and anonymous callers with UNAUTHENTICATED", async () => {
    expectErrorCode(await graphql(hub.url, AGENT_WORK, {}, { token: personToken }), "FORBIDDEN");
    expectErrorCode(await graphql(hub.url, AGENT_WORK), "UNAUTHENTICATED");
  });

  it("answers from the partial index on the cluster's live work", async () => {
    const own = await newCluster();
    // Test tables are tiny, so the planner would scan them anyway: forbid that to see which index it can use.
    const plan: Array<{ "QUERY PLAN": string }> = await inTransaction(
      hub.database.dataSource,
      async (manager) => {
        await manager.query("SET LOCAL enable_seqscan = off");
        return manager.query(
          `EXPLAIN SELECT w.id, c.slug FROM placement_work w JOIN cooperative c ON c.id = w.consumer_cooperative_id
          WHERE w.cluster_id = $1 AND w.released_at IS NULL ORDER BY w.created_at, w.id`,
          [own.cluster.id],
        );
      },
    );
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("placement_work_cluster_live_idx");
  });
});

describe("reportWorkStatus", () => {
  let own: { cluster: MemberCluster; credential: string };
  beforeAll(async () => {
    own = await newCluster();
  });

  it("refuses people, anonymous callers, other clusters' agents and unknown work", async () => {
    const [work] = await placeOn([{ cluster: own.cluster }]);
    const other = await newCluster();
    expectErrorCode(await graphql(hub.url, REPORT, { input: workInput(work) }), "UNAUTHENTICATED");
    expectErrorCode(await report(personToken, workInput(work)), "FORBIDDEN");
    expectErrorCode(await report(other.credential, workInput(work)), "FORBIDDEN");
    const unknown = {
      ...workInput(work),
      workId: toGlobalId("PlacementWork", "00000000-0000-4000-8000-000000000000"),
    };
    expectErrorCode(await report(own.credential, unknown), "NOT_FOUND");
    expect((await stored(work)).reportedAt).toBeNull();
  });

  it("refuses bad input naming each field", async () => {
    const [work] = await placeOn([{ cluster: own.cluster }]);
    const tooMany = Array.from({ length: MAX_REPORTED_OBJECTS + 1 }, (_, index) => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      name: `c${index}`,
      status: "Applied",
    }));
    const result = await report(
      own.credential,
      workInput(work, {
        generation: 0,
        conditions: [
          condition("Ready", "True"),
          condition("Applied", "Maybe"),
          { type: "Degraded", status: "False", reason: "x".repeat(1025) },
        ],
        objects: tooMany,
      }),
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toEqual(
      expect.arrayContaining([
        "input.generation",
        "input.conditions.0.type",
        "input.conditions.1.status",
        "input.conditions.2.reason",
        "input.objects",
      ]),
    );
    const duplicate = await report(
      own.credential,
      workInput(work, { conditions: [condition("Applied", "True"), condition("Applied", "False")] }),
    );
    expect(problemFields(duplicate)).toEqual(["input.conditions"]);
    const longMessage = await report(
      own.credential,
      workInput(work, {
        objects: [
          { apiVersion: "v1", kind: "Pod", name: "p", status: "Failed", message: "m".repeat(40_000) },
        ],
      }),
    );
    expect(problemFields(longMessage)).toEqual(["input.objects.0.message"]);
    expect(problemFields(await report(own.credential, workInput(work, { generation: 2 })))).toEqual([
      "input.generation",
    ]);
    expectErrorCode(
      await report(own.credential, { ...workInput(work), workId: "nonsense" }),
      "BAD_USER_INPUT",
    );
  });

  it("sets availableSince the first time Available is True and keeps transition times while a status holds", async () => {
    const [work] = await placeOn([{ cluster: own.cluster }]);
    const applied = condition("Applied", "True", "Applied");
    expect(
      expectData(
        await report(
          own.credential,
          workInput(work, { conditions: [applied, condition("Available", "False")] }),
        ),
      ).reportWorkStatus.accepted,
    ).toBe(true);
    const startedAt = clock.now();
    expect((await stored(work)).availableSince).toBeNull();

    clock.advance(10_000);
    const availableAt = clock.now();
    await report(own.credential, workInput(work, { conditions: [applied, condition("Available", "True")] }));
    clock.advance(10_000);
    await report(own.credential, workInput(work, { conditions: [applied, condition("Available", "False")] }));
    clock.advance(10_000);
    await report(
      own.credential,
      workInput(work, {
        conditions: [applied, condition("Available", "True")],
        objects: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", status: "Available" }],
      }),
    );
    const after = await stored(work);
    expect(after.availableSince?.toISOString()).toBe(availableAt.toISOString());
    expect(after.observedGeneration).toBe(1);
    expect(after.reportedAt?.toISOString()).toBe(clock.now().toISOString());
    const times = Object.fromEntries(after.conditions.map((entry) => [entry.type, entry.lastTransitionTime]));
    expect(times).toEqual({ Applied: startedAt.toISOString(), Available: clock.now().toISOString() });
    expect(after.objects).toEqual([
      { apiVersion: "apps/v1", kind: "Deployment", name: "web", status: "Available", message: "" },
    ]);
  });

  it("releases ABSENT work reported removed, with a cluster event and an audit event", async () => {
    const [work] = await placeOn([
      { cluster: own.cluster, removalRequestedAt: clock.now(), overrides: { generation: 2 } },
    ]);
    const removedAt = clock.now();
    expect(
      expectData(await report(own.credential, workInput(work, { removed: true }))).reportWorkStatus.accepted,
    ).toBe(true);
    expect((await stored(work)).releasedAt?.toISOString()).toBe(removedAt.toISOString());
    expect((await agentWork(own.credential)).map((item) => item.id)).not.toContain(
      toGlobalId("PlacementWork", work.id),
    );
    const [event] = await hub.database.dataSource.query(
      "SELECT type, source FROM cluster_event WHERE cluster_id = $1 AND details->>'workId' = $2",
      [own.cluster.id, work.id],
    );
    expect(event).toEqual({ type: "WorkRemoved", source: "agent" });
    const [audit] = await hub.database.dataSource.query(
      "SELECT action, actor_id FROM audit_event WHERE target_id = $1",
      [work.id],
    );
    expect(audit).toEqual({ action: "placement.work_released", actor_id: null });
    // A retry after a lost answer is acknowledged and changes nothing.
    clock.advance(5_000);
    expect(
      expectData(await report(own.credential, workInput(work, { removed: true }))).reportWorkStatus.accepted,
    ).toBe(true);
    expect((await stored(work)).releasedAt?.toISOString()).toBe(removedAt.toISOString());
  });

  it("refuses removed on PRESENT work", async () => {
    const [work] = await placeOn([{ cluster: own.cluster }]);
    const result = await report(own.credential, workInput(work, { removed: true }));
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toEqual(["input.removed"]);
    expect((await stored(work)).releasedAt).toBeNull();
  });

  it("stores a report on an older generation but takes no decision from it", async () => {
    const [absent] = await placeOn([
      { cluster: own.cluster, removalRequestedAt: clock.now(), overrides: { generation: 2 } },
    ]);
    // Written while the agent still saw generation 1 (PRESENT): it must not release the new generation's removal.
    const stale = await report(
      own.credential,
      workInput(absent, { generation: 1, removed: true, conditions: [condition("Available", "True")] }),
    );
    expect(expectData(stale).reportWorkStatus.accepted).toBe(true);
    const afterStale = await stored(absent);
    expect(afterStale.releasedAt).toBeNull();
    expect(afterStale.observedGeneration).toBe(1);
    expect(afterStale.availableSince).toBeNull();

    const [bumped] = await placeOn([{ cluster: own.cluster, overrides: { generation: 3 } }]);
    await report(
      own.credential,
      workInput(bumped, { generation: 2, conditions: [condition("Available", "True")] }),
    );
    expect((await stored(bumped)).availableSince).toBeNull();
    await report(own.credential, workInput(bumped, { conditions: [condition("Available", "True")] }));
    expect((await stored(bumped)).observedGeneration).toBe(3);
    // Out of order: older than what is stored, so not even stored.
    const late = await report(own.credential, workInput(bumped, { generation: 2, conditions: [] }));
    expect(expectData(late).reportWorkStatus.accepted).toBe(false);
    expect((await stored(bumped)).conditions.map((entry) => entry.type)).toEqual(["Available"]);
  });
});

describe("revoking a cluster", () => {
  it("makes its live work ABSENT (cluster_revoked) and releases it at once", async () => {
    const revoked = await newCluster();
    const { token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] });
    const [present] = await placeOn([{ cluster: revoked.cluster }]);
    const [cancelled] = await placeOn([{ cluster: revoked.cluster, removalRequestedAt: clock.now() }]);
    clock.advance(1000);
    expectData(
      await graphql(
        hub.url,
        REVOKE,
        { input: { id: toGlobalId("MemberCluster", revoked.cluster.id), reason: "gone" } },
        { token: stewardToken },
      ),
    );
    const after = await stored(present);
    expect(after).toMatchObject({ desiredState: "absent", removalReason: "cluster_revoked", generation: 2 });
    expect(after.releasedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(after.removalRequestedAt?.toISOString()).toBe(clock.now().toISOString());
    const afterCancelled = await stored(cancelled);
    expect(afterCancelled).toMatchObject({ removalReason: "cancelled", generation: 1 });
    expect(afterCancelled.releasedAt).not.toBeNull();
    const [{ count }] = await hub.database.dataSource.query(
      "SELECT count(*)::int AS count FROM cluster_event WHERE cluster_id = $1 AND type = 'WorkReleased'",
      [revoked.cluster.id],
    );
    expect(count).toBe(1);
  });
});

describe("the whole round with the write side", () => {
  it("delivers a created placement, and releases it once the agent removed it after cancel", async () => {
    const { cluster, credential } = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      labels: { pool: "round" },
    });
    const adminToken = await buildApiToken(hub.database.dataSource, guestAdmin);
    const request = placementRequest(toGlobalId("Cooperative", guest.id), {
      constraints: { labelSelector: { matchLabels: [{ key: "pool", value: "round" }] } },
    });
    const created = expectData(
      await graphql<{ createPlacement: { placement: { id: string } } }>(
        hub.url,
        CREATE_PLACEMENT,
        { input: { request } },
        { token: adminToken },
      ),
    ).createPlacement.placement;
    const [item] = await agentWork(credential);
    expect(item).toMatchObject({ placementId: created.id, desiredState: "PRESENT", replicas: 2 });
    expect(item.manifests.map((object) => object.kind).sort()).toEqual(["Deployment", "Service"]);
    const available = [condition("Applied", "True"), condition("Available", "True")];
    await report(credential, {
      workId: item.id,
      generation: item.generation,
      conditions: available,
      objects: [],
    });

    const cancelled = await graphql<{ cancelPlacement: { placement: { status: string } } }>(
      hub.url,
      CANCEL_PLACEMENT,
      { input: { placementId: created.id } },
      { token: adminToken },
    );
    expect(expectData(cancelled).cancelPlacement.placement.status).toBe("CANCELLED");
    const [removing] = await agentWork(credential);
    expect(removing).toMatchObject({ id: item.id, desiredState: "ABSENT", generation: item.generation + 1 });
    const removed = await report(credential, {
      workId: item.id,
      generation: removing.generation,
      conditions: [],
      objects: [],
      removed: true,
    });
    expect(expectData(removed).reportWorkStatus.accepted).toBe(true);
    expect(await agentWork(credential)).toEqual([]);
    const [row] = await hub.database.dataSource.query(
      `SELECT p.status, count(*) FILTER (WHERE w.released_at IS NULL)::int AS live
         FROM placement p JOIN placement_work w ON w.placement_id = p.id
        WHERE w.cluster_id = $1 GROUP BY p.status`,
      [cluster.id],
    );
    expect(row).toEqual({ status: "cancelled", live: 0 });
  });
});
