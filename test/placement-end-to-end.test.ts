import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubClient } from "../agent/hub/hub-client.js";
import { type FakeKubernetesApi, startFakeKubernetesApi } from "../agent/testing/fake-kubernetes-api.js";
import { KubernetesWorkTarget } from "../agent/work/kubernetes-target.js";
import { WorkReconciler } from "../agent/work/work-reconciler.js";
import { ManualClock } from "../server/clock.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { reservedOnCluster } from "../server/modules/offers/reserved-on-cluster.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { buildPlaceableCluster } from "./support/placeable-cluster.js";
import { CANCEL_PLACEMENT, CREATE_PLACEMENT, placementRequest } from "./support/placement-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/**
 * The whole path of issue 4 with the real pieces: a guest cooperative places work over HTTP, the real agent
 * reconciler (its hub client with the cluster credential, its Kubernetes work target) applies it to a local API
 * server that records every write, the hub shows the reported status, the ledger counts the reservation, and a
 * cancel makes the agent delete the namespace and releases the reservation.
 */

const SILENT = { info: () => undefined, warn: () => undefined, error: () => undefined };
const WORK_FIELDS = `status work(includeReleased: true) { desiredState removalReason availableSince releasedAt
  conditions { type status reason } objects { kind name status } }`;

interface WorkView {
  desiredState: string;
  removalReason: string | null;
  availableSince: string | null;
  releasedAt: string | null;
  conditions: Array<{ type: string; status: string; reason: string }>;
  objects: Array<{ kind: string; name: string; status: string }>;
}

let hub: TestHub;
let kube: FakeKubernetesApi;
let guest: Cooperative;
let provider: Cooperative;
let guestToken: string;
const clock = new ManualClock(new Date());

beforeAll(async () => {
  hub = await startTestHub({ clock });
  kube = await startFakeKubernetesApi();
  const dataSource = hub.database.dataSource;
  const admin = await buildPerson(dataSource);
  guest = await buildCooperative(dataSource, { admins: [admin] });
  guestToken = await buildApiToken(dataSource, admin);
  provider = await buildCooperative(dataSource);
});
afterAll(async () => {
  await kube.close();
  await hub.stop();
});

function condition(work: WorkView, type: string): string | undefined {
  return work.conditions.find((entry) => entry.type === type)?.status;
}

async function workOf(placementId: string): Promise<{ status: string; work: WorkView[] }> {
  const result = await graphql<{ placement: { status: string; work: WorkView[] } }>(
    hub.url,
    `query($id: ID!) { placement(id: $id) { ${WORK_FIELDS} } }`,
    { id: placementId },
    { token: guestToken },
  );
  return expectData(result).placement;
}

describe("a placement from request to removal", () => {
  it("is applied by the agent, reported, accounted and removed again", async () => {
    const dataSource = hub.database.dataSource;
    const { cluster, credential } = await buildPlaceableCluster(dataSource, {
      cooperative: provider,
      labels: { pool: "end-to-end", country: "DE", jurisdiction: "EU" },
      cpus: 8,
      now: clock.now(),
    });
    const request = placementRequest(toGlobalId("Cooperative", guest.id), {
      replicas: 2,
      constraints: {
        jurisdictions: ["EU"],
        labelSelector: { matchLabels: [{ key: "pool", value: "end-to-end" }] },
      },
    });
    const created = await graphql<{ createPlacement: { placement: { id: string } } }>(
      hub.url,
      CREATE_PLACEMENT,
      { input: { request } },
      { token: guestToken },
    );
    const placementId = expectData(created).createPlacement.placement.id;

    const agent = new WorkReconciler({
      hub: new HubClient({ url: `${hub.url}/graphql`, credential: () => credential }),
      target: new KubernetesWorkTarget(kube.kubeConfig()),
      logger: SILENT,
      now: () => clock.now(),
    });
    await agent.reconcile();

    // What the agent applied: the guest namespace with a quota equal to the reservation, then the objects.
    const applies = kube.store.writes.filter((write) => write.method === "PATCH");
    expect(applies.every((write) => write.contentType === "application/apply-patch+yaml")).toBe(true);
    expect(applies.every((write) => write.fieldManager === "alliance-agent")).toBe(true);
    const kinds = applies.map((write) => write.body?.kind);
    expect(kinds.slice(0, 4)).toEqual(["Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy"]);
    expect(kinds).toEqual(expect.arrayContaining(["Deployment", "Service"]));
    const namespace = (applies[0].body?.metadata as { name?: string } | undefined)?.name ?? "";
    expect(namespace).toMatch(new RegExp(`^alliance-guest-${guest.slug}`.slice(0, 54)));
    const quota = applies.find((write) => write.body?.kind === "ResourceQuota")?.body as {
      spec: { hard: Record<string, string> };
    };
    expect(quota.spec.hard["requests.cpu"]).toBe("2000m");
    expect(quota.spec.hard["requests.memory"]).toBe(String(2 * 1024 ** 3));
    const deployment = applies.find((write) => write.body?.kind === "Deployment");
    expect(deployment?.path).toBe(`/apis/apps/v1/namespaces/${namespace}/deployments/web`);
    expect(deployment?.body).toMatchObject({ metadata: { namespace }, spec: { replicas: 2 } });

    let view = await workOf(placementId);
    expect(view.work).toHaveLength(1);
    expect(condition(view.work[0], "Applied")).toBe("True");
    expect(condition(view.work[0], "Available")).not.toBe("True");
    expect(view.work[0].availableSince).toBeNull();

    // The Deployment rolls out; the next pass reports the work Available and the ledger starts counting.
    kube.store.markAvailable(`/apis/apps/v1/namespaces/${namespace}/deployments/web`);
    await agent.reconcile();
    view = await workOf(placementId);
    expect(condition(view.work[0], "Available")).toBe("True");
    expect(view.work[0].objects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "Deployment", name: "web", status: "Available" }),
      ]),
    );
    const availableSince = view.work[0].availableSince;
    expect(availableSince).not.toBeNull();

    clock.advance(20_000);
    const month = clock.now().toISOString().slice(0, 7);
    const statement = await graphql<{
      ledgerStatement: { consumed: Array<{ provider: { id: string }; coreSeconds: number }> };
    }>(
      hub.url,
      `query($c: ID!, $m: String!) { ledgerStatement(cooperativeId: $c, month: $m) {
         consumed { provider { id } coreSeconds } } }`,
      { c: toGlobalId("Cooperative", guest.id), m: month },
      { token: guestToken },
    );
    const line = expectData(statement).ledgerStatement.consumed.find(
      (entry) => entry.provider.id === toGlobalId("Cooperative", provider.id),
    );
    // Two replicas of one core each, held for the 20 s since the work became Available.
    expect(line?.coreSeconds).toBeCloseTo(40, 0);

    // Cancel: the hub lists the work ABSENT, the agent deletes the namespace and reports; the reservation is freed.
    expect(await reservedOnCluster(dataSource.manager, cluster.id)).toMatchObject({ cpu: 2000 });
    expectData(await graphql(hub.url, CANCEL_PLACEMENT, { input: { placementId } }, { token: guestToken }));
    view = await workOf(placementId);
    expect(view.work[0]).toMatchObject({
      desiredState: "ABSENT",
      removalReason: "CANCELLED",
      releasedAt: null,
    });
    await agent.reconcile();
    await agent.reconcile();
    expect(kube.store.writes.filter((write) => write.method === "DELETE").map((write) => write.path)).toEqual(
      [`/api/v1/namespaces/${namespace}`],
    );
    view = await workOf(placementId);
    expect(view.status).toBe("CANCELLED");
    expect(view.work[0].releasedAt).not.toBeNull();
    expect(await reservedOnCluster(dataSource.manager, cluster.id)).toEqual({});
  });
});
