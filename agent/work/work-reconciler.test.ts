import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentLogger } from "../agent-loop.js";
import { HubError } from "../hub/hub-errors.js";
import type { AgentWorkItem } from "../hub/operations.js";
import { VirtualClock } from "../runtime/clock.js";
import { FakeHub } from "../testing/fake-hub.js";
import { type FakeKubernetesApi, startFakeKubernetesApi } from "../testing/fake-kubernetes-api.js";
import { KubernetesWorkTarget } from "./kubernetes-target.js";
import { WorkReconciler } from "./work-reconciler.js";

const SILENT: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NAMESPACE = "alliance-guest-campus-cloud-3f2a9c1e";
const PLACEMENT = "UGxhY2VtZW50OjNmMmE5YzFlLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA";
const NS_PATH = `/api/v1/namespaces/${NAMESPACE}`;
const DEPLOYMENT_PATH = `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/web`;
const SERVICE_PATH = `/api/v1/namespaces/${NAMESPACE}/services/web`;
const CONFIG_PATH = `/api/v1/namespaces/${NAMESPACE}/configmaps/web-config`;

function deployment(replicas: number): object {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", labels: { app: "web" } },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "500m" } } }],
        },
      },
    },
  };
}

function workItem(overrides: Partial<AgentWorkItem> = {}): AgentWorkItem {
  return {
    id: "work-1",
    generation: 1,
    desiredState: "PRESENT",
    namespace: NAMESPACE,
    guestCooperativeSlug: "campus-cloud",
    placementId: PLACEMENT,
    replicas: 2,
    reservation: [
      { resource: "cpu", amount: 1000 },
      { resource: "memory", amount: 2 * 1024 ** 3 },
    ],
    manifests: [
      deployment(2),
      { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web-config" }, data: { mode: "demo" } },
    ],
    ...overrides,
  };
}

describe("Work reconciler against the fake Kubernetes API", () => {
  let api: FakeKubernetesApi;
  let clock: VirtualClock;
  let hub: FakeHub;
  let reconciler: WorkReconciler;

  beforeEach(async () => {
    api = await startFakeKubernetesApi();
    clock = new VirtualClock(new Date("2026-11-25T09:00:00Z"));
    hub = new FakeHub({ now: () => clock.now() });
    reconciler = new WorkReconciler({
      hub,
      target: new KubernetesWorkTarget(api.kubeConfig()),
      logger: SILENT,
      now: () => clock.now(),
      recheckMs: 60_000,
    });
  });
  afterEach(() => api.close());

  const writes = (method: string) => api.store.writes.filter((write) => write.method === method);
  const lastReport = () => hub.workReports.at(-1);
  const condition = (type: string) => lastReport()?.conditions.find((entry) => entry.type === type);

  it("applies the guest namespace, its guard rails and every object with server-side apply", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    const patches = writes("PATCH");
    expect(patches.map((write) => write.path)).toEqual([
      NS_PATH,
      `${NS_PATH}/resourcequotas/alliance-reservation`,
      `${NS_PATH}/limitranges/alliance-defaults`,
      `/apis/networking.k8s.io/v1/namespaces/${NAMESPACE}/networkpolicies/alliance-isolation`,
      DEPLOYMENT_PATH,
      SERVICE_PATH,
      CONFIG_PATH,
    ]);
    for (const write of patches) {
      expect(write.contentType).toBe("application/apply-patch+yaml");
      expect(write.fieldManager).toBe("alliance-agent");
      expect(write.force).toBe("true");
    }
    for (const write of patches.slice(1)) {
      const metadata = write.body?.metadata as { namespace: string; labels: Record<string, string> };
      expect(metadata.namespace).toBe(NAMESPACE);
      expect(metadata.labels["alliance.coop/placement"]).toBe(PLACEMENT);
    }
    const web = patches[4].body as {
      metadata: { labels: Record<string, string> };
      spec: { replicas: number };
    };
    expect(web.metadata.labels.app).toBe("web");
    expect(web.spec.replicas).toBe(2);
    expect((patches[1].body?.spec as { hard?: Record<string, string> } | undefined)?.hard).toMatchObject({
      "requests.cpu": "1000m",
      "requests.memory": String(2 * 1024 ** 3),
      "requests.storage": "0",
    });
    expect(patches[3].body?.kind).toBe("NetworkPolicy");
    expect(api.store.objects.get(NS_PATH)?.status).toEqual({ phase: "Active" });
  });

  it("binds the guest role to an in-cluster agent's service account before the guard rails", async () => {
    const inCluster = new WorkReconciler({
      hub,
      target: new KubernetesWorkTarget(api.kubeConfig()),
      logger: SILENT,
      now: () => clock.now(),
      agentServiceAccount: { namespace: "alliance-agent", name: "alliance-agent" },
    });
    hub.work = [workItem()];
    await inCluster.reconcile();
    const paths = writes("PATCH").map((write) => write.path);
    expect(paths.slice(0, 3)).toEqual([
      NS_PATH,
      `/apis/rbac.authorization.k8s.io/v1/namespaces/${NAMESPACE}/rolebindings/alliance-agent`,
      `${NS_PATH}/resourcequotas/alliance-reservation`,
    ]);
    expect(writes("PATCH")[1].body).toMatchObject({
      roleRef: { name: "alliance-agent-guest" },
      subjects: [{ kind: "ServiceAccount", name: "alliance-agent", namespace: "alliance-agent" }],
    });
    expect(condition("Applied")?.status).toBe("True");
  });

  it("reports conditions and per-object status, and Available once the Deployment is", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    expect(hub.workReports).toHaveLength(1);
    expect(lastReport()).toMatchObject({ workId: "work-1", generation: 1 });
    expect(condition("Applied")).toMatchObject({ status: "True", reason: "Applied" });
    expect(condition("Available")).toMatchObject({ status: "False", reason: "Progressing" });
    expect(condition("Degraded")).toMatchObject({ status: "False" });
    expect(lastReport()?.objects).toEqual([
      { apiVersion: "v1", kind: "Namespace", name: NAMESPACE, status: "Applied", message: "" },
      {
        apiVersion: "v1",
        kind: "ResourceQuota",
        name: "alliance-reservation",
        status: "Applied",
        message: "",
      },
      { apiVersion: "v1", kind: "LimitRange", name: "alliance-defaults", status: "Applied", message: "" },
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        name: "alliance-isolation",
        status: "Applied",
        message: "",
      },
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: "web",
        status: "Progressing",
        message: "0/2 available",
      },
      { apiVersion: "v1", kind: "Service", name: "web", status: "Applied", message: "" },
      { apiVersion: "v1", kind: "ConfigMap", name: "web-config", status: "Applied", message: "" },
    ]);

    api.store.markAvailable(DEPLOYMENT_PATH);
    clock.advance(10_000);
    await reconciler.reconcile();
    expect(hub.workReports).toHaveLength(2);
    expect(condition("Available")).toMatchObject({ status: "True", reason: "Available" });
    expect(lastReport()?.objects[4]).toMatchObject({ status: "Available", message: "2/2 available" });
    expect(writes("PATCH")).toHaveLength(7);

    // Settled: nothing is read or reported until the re-check period, and nothing changed then either.
    const requestsBefore = api.requests.length;
    clock.advance(10_000);
    await reconciler.reconcile();
    expect(api.requests.length).toBe(requestsBefore);
    clock.advance(60_000);
    await reconciler.reconcile();
    expect(api.requests.length).toBeGreaterThan(requestsBefore);
    expect(hub.workReports).toHaveLength(2);
    expect(writes("PATCH")).toHaveLength(7);
  });

  it("reports a failing object as Failed with the API server's message and still applies the others", async () => {
    api.store.failingApplies.set(
      DEPLOYMENT_PATH,
      'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value',
    );
    hub.work = [workItem()];
    await reconciler.reconcile();
    expect(writes("PATCH").map((write) => write.path)).toContain(CONFIG_PATH);
    expect(api.store.objects.has(SERVICE_PATH)).toBe(true);
    expect(api.store.objects.has(DEPLOYMENT_PATH)).toBe(false);
    expect(lastReport()?.objects.find((object) => object.kind === "Deployment")).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: "web",
      status: "Failed",
      message: 'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value',
    });
    expect(condition("Applied")).toMatchObject({ status: "False", reason: "ApplyFailed" });
    expect(condition("Degraded")?.status).toBe("True");
    expect(condition("Degraded")?.message).toContain("Deployment/web");

    // The failure is retried at the re-check, and reported as fixed once the API server accepts the object.
    api.store.failingApplies.clear();
    clock.advance(60_000);
    await reconciler.reconcile();
    expect(api.store.objects.has(DEPLOYMENT_PATH)).toBe(true);
    expect(condition("Applied")?.status).toBe("True");
  });

  it("applies no guest object when a guard rail of the namespace fails", async () => {
    api.store.failingApplies.set(`${NS_PATH}/resourcequotas/alliance-reservation`, "quota admission denied");
    hub.work = [workItem()];
    await reconciler.reconcile();
    expect(api.store.objects.has(DEPLOYMENT_PATH)).toBe(false);
    expect(writes("PATCH").map((write) => write.path)).not.toContain(DEPLOYMENT_PATH);
    expect(lastReport()?.objects.find((object) => object.kind === "ResourceQuota")).toMatchObject({
      status: "Failed",
      message: "quota admission denied",
    });
    expect(lastReport()?.objects.find((object) => object.kind === "Deployment")).toMatchObject({
      status: "Failed",
      message: "not applied: the guest namespace could not be set up",
    });
  });

  it("refuses a namespace outside alliance-guest- without touching the cluster", async () => {
    hub.work = [workItem({ namespace: "kube-system" })];
    await reconciler.reconcile();
    expect(api.store.writes).toEqual([]);
    expect(lastReport()?.objects).toEqual([]);
    expect(condition("Applied")).toMatchObject({ status: "False", reason: "Refused" });
    expect(condition("Degraded")).toMatchObject({ status: "True" });
    expect(condition("Degraded")?.message).toContain("does not start with alliance-guest-");

    hub.work = [workItem({ namespace: "kube-system", desiredState: "ABSENT", generation: 2 })];
    await reconciler.reconcile();
    expect(api.store.writes).toEqual([]);
    expect(lastReport()?.removed).toBeUndefined();
  });

  it("refuses a cluster-scoped object the hub sent and applies the rest", async () => {
    const binding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "guest-admin" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
    };
    hub.work = [workItem({ manifests: [binding, ...(workItem().manifests as object[])] })];
    await reconciler.reconcile();
    expect(api.requests.some((request) => request.includes("clusterrolebindings"))).toBe(false);
    expect(writes("PATCH").map((write) => write.path)).toContain(DEPLOYMENT_PATH);
    expect(lastReport()?.objects.find((object) => object.kind === "ClusterRoleBinding")).toMatchObject({
      status: "Failed",
      message: expect.stringContaining("cluster-scoped"),
    });
    expect(condition("Degraded")?.status).toBe("True");
  });

  it("removes ABSENT work: deletes the namespace, waits while it terminates, then reports removed", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    api.store.holdTermination = true;
    hub.work = [workItem({ generation: 2, desiredState: "ABSENT" })];
    await reconciler.reconcile();
    expect(writes("DELETE").map((write) => write.path)).toEqual([NS_PATH]);
    expect(lastReport()).toMatchObject({ generation: 2, objects: [] });
    expect(lastReport()?.removed).toBeUndefined();
    expect(condition("Applied")).toMatchObject({ status: "Unknown", reason: "Removing" });

    const reports = hub.workReports.length;
    clock.advance(10_000);
    await reconciler.reconcile();
    expect(writes("DELETE")).toHaveLength(1);
    expect(hub.workReports).toHaveLength(reports);

    api.store.finishTermination(NAMESPACE);
    clock.advance(10_000);
    await reconciler.reconcile();
    expect(lastReport()).toMatchObject({ workId: "work-1", generation: 2, removed: true });
    expect(api.store.objects.has(DEPLOYMENT_PATH)).toBe(false);
    clock.advance(10_000);
    await reconciler.reconcile();
    expect(hub.workReports).toHaveLength(reports + 1);
  });

  it("deletes nothing when the hub is unreachable or an item disappears from the list", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    hub.down = true;
    await expect(reconciler.reconcile()).rejects.toBeInstanceOf(HubError);
    hub.down = false;
    hub.work = [];
    clock.advance(60_000);
    await reconciler.reconcile();
    expect(writes("DELETE")).toEqual([]);
    expect(api.store.objects.has(NS_PATH)).toBe(true);
    expect(api.store.objects.has(DEPLOYMENT_PATH)).toBe(true);
  });

  it("does not delete a namespace that PRESENT work uses again, and still reports the old work removed", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    hub.work = [workItem({ generation: 2, desiredState: "ABSENT" }), workItem({ id: "work-2" })];
    await reconciler.reconcile();
    expect(writes("DELETE")).toEqual([]);
    expect(api.store.objects.has(DEPLOYMENT_PATH)).toBe(true);
    const old = hub.workReports.find((report) => report.workId === "work-1" && report.generation === 2);
    expect(old).toMatchObject({ removed: true });
    expect(old?.conditions[0].message).toContain("other work of this cluster uses it now");
  });

  it("deletes only a namespace labelled for this placement", async () => {
    api.store.objects.set(NS_PATH, { apiVersion: "v1", kind: "Namespace", metadata: { name: NAMESPACE } });
    hub.work = [workItem({ desiredState: "ABSENT" })];
    await reconciler.reconcile();
    expect(writes("DELETE")).toEqual([]);
    expect(condition("Degraded")).toMatchObject({ status: "True", reason: "RemovalRefused" });
    expect(lastReport()?.removed).toBeUndefined();
  });

  it("applies again when the generation changes", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    api.store.markAvailable(DEPLOYMENT_PATH);
    hub.work = [workItem({ generation: 2, replicas: 3, manifests: [deployment(3)] })];
    clock.advance(10_000);
    await reconciler.reconcile();
    const second = writes("PATCH").slice(7);
    expect(second.map((write) => write.path)).toContain(DEPLOYMENT_PATH);
    expect((second.at(-1)?.body?.spec as { replicas?: number } | undefined)?.replicas).toBe(3);
    expect(lastReport()).toMatchObject({ generation: 2 });
    expect(lastReport()?.objects.find((object) => object.kind === "Deployment")).toMatchObject({
      status: "Progressing",
      message: "2/3 available",
    });
  });

  it("applies an object again when it went missing behind the agent's back", async () => {
    hub.work = [workItem()];
    await reconciler.reconcile();
    api.store.objects.delete(CONFIG_PATH);
    clock.advance(60_000);
    await reconciler.reconcile();
    expect(lastReport()?.objects.find((object) => object.kind === "ConfigMap")?.status).toBe("Missing");
    clock.advance(10_000);
    await reconciler.reconcile();
    expect(api.store.objects.has(CONFIG_PATH)).toBe(true);
    expect(lastReport()?.objects.find((object) => object.kind === "ConfigMap")?.status).toBe("Applied");
  });
});
