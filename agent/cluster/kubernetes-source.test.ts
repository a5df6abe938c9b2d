import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeStatusReport } from "../status/status-report.js";
import { type FakeKubernetesApi, startFakeKubernetesApi } from "../testing/fake-kubernetes-api.js";
import { runningBlueprints } from "../status/running-blueprints.js";
import {
  blueprintLabels,
  FIXTURE_CLUSTER_UID,
  FIXTURE_KUBERNETES_VERSION,
} from "../testing/kubernetes-fixtures.js";
import { KubernetesClusterSource, NON_TERMINATED_PODS } from "./kubernetes-source.js";

const MEBIBYTE = 1024 ** 2;
const GIBIBYTE = 1024 ** 3;
const KIBIBYTE = 1024;

function requestsTo(api: FakeKubernetesApi, path: string): URLSearchParams[] {
  return api.requests
    .filter((request) => request.split("?")[0] === path)
    .map((request) => new URLSearchParams(request.split("?")[1] ?? ""));
}

describe("Kubernetes cluster source against a fake API server", () => {
  let api: FakeKubernetesApi;

  beforeEach(async () => {
    api = await startFakeKubernetesApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it("identifies the cluster by the kube-system namespace UID and the /version gitVersion", async () => {
    const source = new KubernetesClusterSource({ kubeConfig: api.kubeConfig() });
    expect(await source.identity()).toEqual({
      clusterUid: FIXTURE_CLUSTER_UID,
      kubernetesVersion: FIXTURE_KUBERNETES_VERSION,
    });
  });

  it("reads nodes with capacity, allocatable, conditions, cordoning and labels", async () => {
    const source = new KubernetesClusterSource({ kubeConfig: api.kubeConfig() });
    const { nodes } = await source.snapshot();
    expect(nodes.map((node) => node.name)).toEqual(["worker-1", "worker-2", "worker-3", "gpu-1"]);
    const [worker1, worker2, worker3, gpu] = nodes;
    expect(worker1.allocatable).toMatchObject({ cpu: "7800m", memory: "32236564Ki", pods: "110" });
    expect(worker1.conditions).toEqual({
      MemoryPressure: "False",
      DiskPressure: "False",
      PIDPressure: "False",
      Ready: "True",
    });
    expect(worker2.unschedulable).toBe(true);
    expect(worker3.conditions).toMatchObject({ Ready: "False", MemoryPressure: "True" });
    expect(gpu.capacity["nvidia.com/gpu"]).toBe("4");
    expect(gpu.labels["nvidia.com/gpu.product"]).toBe("NVIDIA-A100-SXM4-80GB");
  });

  it("pages through nodes and pods with limit and continue, skipping terminated pods on the server", async () => {
    const source = new KubernetesClusterSource({ kubeConfig: api.kubeConfig(), pageSize: 2 });
    const { nodes, pods } = await source.snapshot();
    expect(nodes).toHaveLength(4);
    expect(pods.map((pod) => pod.name)).toEqual([
      "coredns-1",
      "coredns-2",
      "odoo-web-0",
      "postgres-0",
      "trainer-0",
      "trainer-1",
      "big-batch",
    ]);
    const nodeRequests = requestsTo(api, "/api/v1/nodes");
    expect(nodeRequests.map((query) => query.get("limit"))).toEqual(["2", "2"]);
    expect(nodeRequests[1].get("continue")).toBeTruthy();
    const podRequests = requestsTo(api, "/api/v1/pods");
    expect(podRequests).toHaveLength(4);
    expect(podRequests.every((query) => query.get("fieldSelector") === NON_TERMINATED_PODS)).toBe(true);
  });

  it("keeps pod requests per container, init container and node selector", async () => {
    const { pods } = await new KubernetesClusterSource({ kubeConfig: api.kubeConfig() }).snapshot();
    const odoo = pods.find((pod) => pod.name === "odoo-web-0");
    expect(odoo).toMatchObject({
      namespace: "odoo",
      nodeName: "worker-1",
      phase: "Running",
      containerRequests: [
        { cpu: "1", memory: "2Gi" },
        { cpu: "250m", memory: "256Mi" },
      ],
      initContainerRequests: [{ cpu: "2", memory: "512Mi" }],
    });
    const pending = pods.find((pod) => pod.name === "trainer-1");
    expect(pending?.nodeName).toBeUndefined();
    expect(pending?.nodeSelector).toEqual({ "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" });
  });

  it("computes the full status report from what the API returned", async () => {
    const source = new KubernetesClusterSource({ kubeConfig: api.kubeConfig(), pageSize: 3 });
    const identity = await source.identity();
    const report = computeStatusReport(identity.kubernetesVersion, await source.snapshot());
    expect(report.kubernetesVersion).toBe("v1.34.2");
    expect(report.nodes).toEqual({
      total: 4,
      ready: 3,
      schedulable: 2,
      unschedulable: 1,
      memoryPressure: 1,
      diskPressure: 0,
      pidPressure: 0,
    });
    // odoo-web-0 counts its 2-core init container, larger than its two app containers together.
    expect(report.resources.cpu).toEqual({
      capacity: 56_000,
      allocatable: 54_900,
      allocated: 12_200,
      pending: 24_000,
    });
    const workerMemory = 32_236_564 * KIBIBYTE;
    expect(report.resources.memory).toEqual({
      capacity: 3 * 32_863_252 * KIBIBYTE + 264 * GIBIBYTE,
      allocatable: 3 * workerMemory + 260 * GIBIBYTE,
      allocated: 140 * MEBIBYTE + 2304 * MEBIBYTE + 8 * GIBIBYTE + 64 * GIBIBYTE,
      pending: 96 * GIBIBYTE,
    });
    expect(report.resources.pods).toEqual({ capacity: 440, allocatable: 440, allocated: 5, pending: 2 });
    expect(report.resources["ephemeral-storage"].allocated).toBe(GIBIBYTE);
    expect(report.gpus).toEqual({
      "NVIDIA-A100-SXM4-80GB": { capacity: 4, allocatable: 4, allocated: 2, pending: 4 },
    });
    expect(report.storageClasses).toEqual({
      "openebs-hostpath": { allocated: 20 * GIBIBYTE, pending: 100 * GIBIBYTE },
    });
    expect(report.freeNodeShapes).toEqual([
      { cpuAtLeastMillicores: 2000, memoryAtLeastBytes: 16 * GIBIBYTE, nodes: 1 },
      { cpuAtLeastMillicores: 16_000, memoryAtLeastBytes: 64 * GIBIBYTE, nodes: 1 },
    ]);
  });
});

describe("Blueprint labels read through the Kubernetes API", () => {
  it("collects distinct valid pairs from running pods and paged namespaces", async () => {
    const api = await startFakeKubernetesApi();
    try {
      const source = new KubernetesClusterSource({ kubeConfig: api.kubeConfig(), pageSize: 3 });
      const snapshot = await source.snapshot();
      expect(snapshot.namespaces?.map((namespace) => namespace.name)).toHaveLength(8);
      expect(requestsTo(api, "/api/v1/namespaces").map((query) => query.get("limit"))).toEqual([
        "3",
        "3",
        "3",
      ]);
      expect(snapshot.pods.find((pod) => pod.name === "postgres-0")?.labels).toEqual(
        blueprintLabels("odoo-instance", "1.0.0"),
      );
      // Not: the terminated pod's old-backup, `latest` (not SemVer), a name label without a version.
      expect(runningBlueprints(snapshot)).toEqual([
        { name: "metallb-l2", version: "1.1.0" },
        { name: "odoo-instance", version: "1.0.0" },
        { name: "openebs-localpv", version: "1.0.0" },
      ]);
    } finally {
      await api.close();
    }
  });

  it("still reports the pods' blueprints when namespaces may not be listed", async () => {
    const api = await startFakeKubernetesApi({ forbidNamespaces: true });
    try {
      const snapshot = await new KubernetesClusterSource({ kubeConfig: api.kubeConfig() }).snapshot();
      expect(snapshot.namespaces).toBeUndefined();
      expect(snapshot.pods).toHaveLength(7);
      expect(runningBlueprints(snapshot)).toEqual([{ name: "odoo-instance", version: "1.0.0" }]);
    } finally {
      await api.close();
    }
  });
});

describe("Kubernetes cluster source without storage permissions", () => {
  it("still reports nodes and pods, and leaves storage out", async () => {
    const api = await startFakeKubernetesApi({ forbidStorage: true });
    try {
      const snapshot = await new KubernetesClusterSource({ kubeConfig: api.kubeConfig() }).snapshot();
      expect(snapshot.nodes).toHaveLength(4);
      expect(snapshot.volumeClaims).toBeUndefined();
      expect(computeStatusReport("v1.34.2", snapshot).storageClasses).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
