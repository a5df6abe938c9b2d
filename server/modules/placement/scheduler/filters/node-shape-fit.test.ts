import { describe, expect, it } from "vitest";
import { GIBIBYTE, newCluster, newContext, newRequest } from "../builders.js";
import type { NodeShape, PlacementMode } from "../types.js";
import { nodeShapeFit } from "./node-shape-fit.js";

const TWO_CPU_EIGHT_GI = { cpu: 2000, memory: 8 * GIBIBYTE };
const DUPLICATED: PlacementMode = { kind: "Duplicated", clusters: 1 };

describe("Filter: node shape fit (2 cpu / 8 GiB per replica)", () => {
  it.each<{ name: string; shapes: NodeShape[]; replicas: number; existing?: number; ok: boolean }>([
    {
      name: "eight nodes with 1 cpu free each cannot run one replica",
      shapes: [{ cpuMillis: 1000, memoryBytes: 16 * GIBIBYTE, count: 8 }],
      replicas: 1,
      ok: false,
    },
    {
      name: "a node with enough cpu but too little memory does not help",
      shapes: [{ cpuMillis: 4000, memoryBytes: 4 * GIBIBYTE, count: 3 }],
      replicas: 1,
      ok: false,
    },
    {
      name: "one node of 4 cpu / 16 GiB runs two replicas",
      shapes: [{ cpuMillis: 4000, memoryBytes: 16 * GIBIBYTE, count: 1 }],
      replicas: 2,
      ok: true,
    },
    {
      name: "buckets add up: 1 big node plus 2 small ones run 3",
      shapes: [
        { cpuMillis: 2000, memoryBytes: 8 * GIBIBYTE, count: 2 },
        { cpuMillis: 1000, memoryBytes: 64 * GIBIBYTE, count: 5 },
        { cpuMillis: 2500, memoryBytes: 9 * GIBIBYTE, count: 1 },
      ],
      replicas: 3,
      ok: true,
    },
    { name: "an empty histogram has no room", shapes: [], replicas: 1, ok: false },
    { name: "replicas already running keep their nodes", shapes: [], replicas: 2, existing: 2, ok: true },
  ])("$name", ({ shapes, replicas, existing, ok }) => {
    const cluster = {
      ...newCluster("c1")
        .withCpu(64000)
        .withMemoryGi(256)
        .withExistingReplicas(existing ?? 0)
        .build(),
      nodeShapes: shapes,
    };
    const request = newRequest({ replicas, mode: DUPLICATED, perReplica: TWO_CPU_EIGHT_GI });
    expect(nodeShapeFit(cluster, request, newContext()).ok).toBe(ok);
  });

  it("ignores node shapes for requests without cpu or memory", () => {
    const cluster = { ...newCluster("c1").withResource("pods", 110).build(), nodeShapes: [] };
    const request = newRequest({ perReplica: { pods: 1 } });
    expect(nodeShapeFit(cluster, request, newContext()).ok).toBe(true);
  });
});
