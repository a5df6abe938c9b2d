import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import type { ClusterTaint, Toleration } from "../types.js";
import { taintToleration } from "./taint-toleration.js";

const NOW = newContext().now;
const TEN_MINUTES_AGO = new Date(NOW.getTime() - 600_000);

describe("Filter: taints and tolerations", () => {
  it.each<{ name: string; taint: ClusterTaint; tolerations: Toleration[]; existing?: number; ok: boolean }>([
    {
      name: "NoSelect without toleration is rejected",
      taint: { key: "maintenance", effect: "NoSelect" },
      tolerations: [],
      ok: false,
    },
    {
      name: "PreferNoSelect never filters",
      taint: { key: "maintenance", effect: "PreferNoSelect" },
      tolerations: [],
      ok: true,
    },
    {
      name: "NoSelectIfNew rejects a cluster without replicas of the placement",
      taint: { key: "not-ready", effect: "NoSelectIfNew" },
      tolerations: [],
      ok: false,
    },
    {
      name: "NoSelectIfNew keeps a cluster already running replicas",
      taint: { key: "not-ready", effect: "NoSelectIfNew" },
      tolerations: [],
      existing: 2,
      ok: true,
    },
    {
      name: "Exists on the key tolerates any value",
      taint: { key: "maintenance", value: "planned", effect: "NoSelect" },
      tolerations: [{ key: "maintenance", operator: "Exists" }],
      ok: true,
    },
    {
      name: "Equal needs the same value",
      taint: { key: "maintenance", value: "planned", effect: "NoSelect" },
      tolerations: [{ key: "maintenance", value: "emergency" }],
      ok: false,
    },
    {
      name: "Equal with the same value tolerates",
      taint: { key: "maintenance", value: "planned", effect: "NoSelect" },
      tolerations: [{ key: "maintenance", value: "planned" }],
      ok: true,
    },
    {
      name: "a toleration for another effect does not apply",
      taint: { key: "unreachable", effect: "NoSelect" },
      tolerations: [{ key: "unreachable", operator: "Exists", effect: "NoSelectIfNew" }],
      ok: false,
    },
    {
      name: "an empty key with Exists tolerates everything",
      taint: { key: "unreachable", effect: "NoSelect" },
      tolerations: [{ operator: "Exists" }],
      ok: true,
    },
    {
      name: "a toleration within its seconds still holds",
      taint: { key: "unreachable", effect: "NoSelect", timeAdded: TEN_MINUTES_AGO },
      tolerations: [{ key: "unreachable", operator: "Exists", tolerationSeconds: 900 }],
      ok: true,
    },
    {
      name: "a toleration past its seconds has run out",
      taint: { key: "unreachable", effect: "NoSelect", timeAdded: TEN_MINUTES_AGO },
      tolerations: [{ key: "unreachable", operator: "Exists", tolerationSeconds: 300 }],
      ok: false,
    },
  ])("$name", ({ taint, tolerations, existing, ok }) => {
    const cluster = newCluster("c1")
      .withTaint(taint)
      .withExistingReplicas(existing ?? 0)
      .build();
    const request = newRequest({ constraints: { tolerations } });
    expect(taintToleration(cluster, request, newContext()).ok).toBe(ok);
  });

  it("names the untolerated taint", () => {
    const cluster = newCluster("c1")
      .withTaint({ key: "maintenance", value: "planned", effect: "NoSelect" })
      .build();
    expect(taintToleration(cluster, newRequest(), newContext())).toEqual({
      ok: false,
      reason: "taint maintenance=planned:NoSelect is not tolerated",
    });
  });
});
