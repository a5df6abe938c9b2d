import { describe, expect, it } from "vitest";
import { GIBIBYTE, newCluster, newContext, newRequest } from "../builders.js";
import type { ResourceAmounts } from "../types.js";
import { clusterFit } from "./cluster-fit.js";

describe("Filter: cluster fit", () => {
  it.each<{
    name: string;
    cpu: [number, number, number];
    perReplica?: ResourceAmounts;
    replicas: number;
    existing?: number;
    ok: boolean;
  }>([
    { name: "free cpu holds all Duplicated replicas", cpu: [8000, 4000, 0], replicas: 4, ok: true },
    { name: "pending requests count as taken", cpu: [8000, 4000, 1000], replicas: 4, ok: false },
    { name: "over-allocated clusters have nothing free", cpu: [8000, 9000, 0], replicas: 1, ok: false },
    {
      name: "running replicas of this placement are credited back",
      cpu: [8000, 8000, 0],
      replicas: 2,
      existing: 2,
      ok: true,
    },
    {
      name: "a resource the cluster lacks does not fit",
      cpu: [8000, 0, 0],
      perReplica: { "gpu:a100": 1 },
      replicas: 1,
      ok: false,
    },
    {
      name: "a zero amount asks for nothing",
      cpu: [8000, 0, 0],
      perReplica: { cpu: 1000, "gpu:a100": 0 },
      replicas: 1,
      ok: true,
    },
  ])("$name", ({ cpu, perReplica, replicas, existing, ok }) => {
    const cluster = newCluster("c1")
      .withCpu(...cpu)
      .withMemoryGi(64)
      .withExistingReplicas(existing ?? 0)
      .build();
    const request = newRequest({
      replicas,
      mode: { kind: "Duplicated", clusters: 1 },
      perReplica: perReplica ?? { cpu: 1000, memory: GIBIBYTE },
    });
    expect(clusterFit(cluster, request, newContext()).ok).toBe(ok);
  });

  it("checks memory as well as cpu", () => {
    const cluster = newCluster("c1").withCpu(8000).withMemoryGi(4, 3).build();
    const request = newRequest({ replicas: 2, mode: { kind: "Duplicated", clusters: 1 } });
    expect(clusterFit(cluster, request, newContext())).toEqual({
      ok: false,
      reason: `cluster has ${GIBIBYTE} memory free, 2 replica(s) need ${2 * GIBIBYTE}`,
    });
  });
});
