import { describe, expect, it } from "vitest";
import { buildClaim, buildNode, buildPod } from "../testing/cluster-builders.js";
import { effectivePodRequests } from "./pod-requests.js";
import { computeStatusReport } from "./status-report.js";

const GIBIBYTE = 1024 ** 3;

describe("Effective pod requests", () => {
  it("adds app containers, takes the largest init container, and adds overhead", () => {
    const pod = buildPod(
      "p",
      "n1",
      { cpu: "100m", memory: "64Mi" },
      {
        containerRequests: [
          { cpu: "100m", memory: "64Mi" },
          { cpu: "200m", memory: "64Mi" },
        ],
        initContainerRequests: [{ cpu: "1" }, { memory: "100Mi" }],
        overhead: { cpu: "10m" },
      },
    );
    expect(effectivePodRequests(pod)).toEqual({ cpu: 1010, memory: 128 * 1024 ** 2, pods: 1 });
  });
});

describe("Status report", () => {
  it("counts nodes by readiness, cordoning and pressure", () => {
    const report = computeStatusReport("v1.34.2", {
      nodes: [
        buildNode("ready"),
        buildNode("cordoned", { unschedulable: true }),
        buildNode("not-ready", { conditions: { Ready: "False", MemoryPressure: "True" } }),
        buildNode("unknown", { conditions: { Ready: "Unknown", DiskPressure: "True", PIDPressure: "True" } }),
      ],
      pods: [],
    });
    expect(report.kubernetesVersion).toBe("v1.34.2");
    expect(report.nodes).toEqual({
      total: 4,
      ready: 2,
      schedulable: 1,
      unschedulable: 1,
      memoryPressure: 1,
      diskPressure: 1,
      pidPressure: 1,
    });
  });

  it("sums capacity and allocatable, splits pod requests into allocated and pending", () => {
    const report = computeStatusReport("v1.34.2", {
      nodes: [buildNode("n1"), buildNode("n2")],
      pods: [
        buildPod("a", "n1", { cpu: "500m", memory: "1Gi" }),
        buildPod("b", "n2", { cpu: "1", memory: "2Gi", "ephemeral-storage": "1Gi" }),
        buildPod("waiting", undefined, { cpu: "2", memory: "4Gi" }),
        buildPod("pulling-image", "n1", { cpu: "250m" }, { phase: "Pending" }),
      ],
    });
    expect(report.resources.cpu).toEqual({
      capacity: 8000,
      allocatable: 7600,
      allocated: 1750,
      pending: 2000,
    });
    expect(report.resources.memory).toEqual({
      capacity: 32 * GIBIBYTE,
      allocatable: 30 * GIBIBYTE,
      allocated: 3 * GIBIBYTE,
      pending: 4 * GIBIBYTE,
    });
    expect(report.resources["ephemeral-storage"].allocated).toBe(GIBIBYTE);
    expect(report.resources.pods).toEqual({ capacity: 220, allocatable: 220, allocated: 3, pending: 1 });
  });

  it("reports GPUs per model from the node label, and pending GPU requests per selected model", () => {
    const gpuNode = buildNode("gpu", {
      capacity: { cpu: "32", memory: "256Gi", "nvidia.com/gpu": "8" },
      allocatable: { cpu: "31", memory: "250Gi", "nvidia.com/gpu": "8" },
      labels: { "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" },
    });
    const unlabelled = buildNode("old-gpu", {
      capacity: { cpu: "8", memory: "32Gi", "nvidia.com/gpu": "1" },
      allocatable: { cpu: "8", memory: "32Gi", "nvidia.com/gpu": "1" },
    });
    const report = computeStatusReport("v1.34.2", {
      nodes: [gpuNode, unlabelled, buildNode("cpu-only")],
      pods: [
        buildPod("train", "gpu", { cpu: "4", "nvidia.com/gpu": "2" }),
        buildPod("infer", undefined, { "nvidia.com/gpu": "1" }),
        buildPod(
          "train-more",
          undefined,
          { "nvidia.com/gpu": "4" },
          {
            nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" },
          },
        ),
      ],
    });
    expect(report.gpus).toEqual({
      "NVIDIA-A100-SXM4-80GB": { capacity: 8, allocatable: 8, allocated: 2, pending: 4 },
      unknown: { capacity: 1, allocatable: 1, allocated: 0, pending: 0 },
      any: { capacity: 0, allocatable: 0, allocated: 0, pending: 1 },
    });
  });

  it("buckets the free cpu and memory of schedulable ready nodes only", () => {
    const report = computeStatusReport("v1.34.2", {
      nodes: [
        buildNode("empty"),
        buildNode("busy"),
        buildNode("full"),
        buildNode("cordoned", { unschedulable: true }),
        buildNode("down", { conditions: { Ready: "False" } }),
      ],
      pods: [
        buildPod("a", "busy", { cpu: "2", memory: "10Gi" }),
        buildPod("b", "full", { cpu: "3500m", memory: "15Gi" }),
      ],
    });
    expect(report.freeNodeShapes).toEqual([
      { cpuAtLeastMillicores: 0, memoryAtLeastBytes: 0, nodes: 1 },
      { cpuAtLeastMillicores: 1000, memoryAtLeastBytes: 4 * GIBIBYTE, nodes: 1 },
      { cpuAtLeastMillicores: 2000, memoryAtLeastBytes: 8 * GIBIBYTE, nodes: 1 },
    ]);
  });

  it("reports storage per class only when claims were listed", () => {
    const withoutClaims = computeStatusReport("v1.34.2", { nodes: [], pods: [] });
    expect(withoutClaims.storageClasses).toBeUndefined();
    const report = computeStatusReport("v1.34.2", {
      nodes: [],
      pods: [],
      storageClasses: ["openebs-hostpath", "unused"],
      volumeClaims: [
        buildClaim("db", "openebs-hostpath", "10Gi"),
        buildClaim("new", "openebs-hostpath", "5Gi", "Pending"),
        buildClaim("legacy", "", "1Gi"),
      ],
    });
    expect(report.storageClasses).toEqual({
      "openebs-hostpath": { allocated: 10 * GIBIBYTE, pending: 5 * GIBIBYTE },
      unused: { allocated: 0, pending: 0 },
      "(none)": { allocated: GIBIBYTE, pending: 0 },
    });
  });
});
