import { describe, expect, it } from "vitest";
import { PLACEMENT_LABEL, renderForCluster } from "./render-for-cluster.js";

describe("renderForCluster", () => {
  const objects = [
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web" } },
      spec: { replicas: 9 },
    },
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db", namespace: "sneaky" }, spec: {} },
    { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [] } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" }, data: { replicas: "1" } },
  ];

  it("sets this cluster's replicas on scaled kinds, strips namespaces and labels every object", () => {
    const rendered = renderForCluster(objects, "placement-1", 3);
    expect(rendered.map((object) => (object.spec as { replicas?: number } | undefined)?.replicas)).toEqual([
      3,
      3,
      undefined,
      undefined,
    ]);
    expect(rendered.every((object) => !("namespace" in (object.metadata as object)))).toBe(true);
    for (const object of rendered)
      expect((object.metadata as { labels: Record<string, string> }).labels[PLACEMENT_LABEL]).toBe(
        "placement-1",
      );
    expect((rendered[0].metadata as { labels: Record<string, string> }).labels.app).toBe("web");
  });

  it("leaves the validated objects untouched (each cluster renders its own copy)", () => {
    renderForCluster(objects, "placement-1", 3);
    expect(objects[0].spec).toEqual({ replicas: 9 });
    expect(objects[1].metadata).toEqual({ name: "db", namespace: "sneaky" });
  });
});
