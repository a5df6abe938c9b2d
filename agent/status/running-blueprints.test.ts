import { describe, expect, it } from "vitest";
import type { ClusterSnapshot } from "../cluster/cluster-source.js";
import { buildNode, buildPod } from "../testing/cluster-builders.js";
import { blueprintLabels } from "../testing/kubernetes-fixtures.js";
import { MAX_RUNNING_BLUEPRINTS, runningBlueprints, sameBlueprints } from "./running-blueprints.js";

function snapshot(
  podLabels: Array<Record<string, string>>,
  namespaceLabels: Array<Record<string, string>> = [],
) {
  const value: ClusterSnapshot = {
    nodes: [buildNode("n1")],
    pods: podLabels.map((labels, index) => buildPod(`p${index}`, "n1", { cpu: "1" }, { labels })),
    namespaces: namespaceLabels.map((labels, index) => ({ name: `ns${index}`, labels })),
  };
  return value;
}

describe("runningBlueprints", () => {
  it("deduplicates pairs across pods and namespaces and sorts them by name, then version", () => {
    const pairs = runningBlueprints(
      snapshot(
        [blueprintLabels("odoo-instance", "1.0.0"), blueprintLabels("metallb-l2", "1.1.0")],
        [blueprintLabels("metallb-l2", "1.0.0"), blueprintLabels("odoo-instance", "1.0.0")],
      ),
    );
    expect(pairs).toEqual([
      { name: "metallb-l2", version: "1.0.0" },
      { name: "metallb-l2", version: "1.1.0" },
      { name: "odoo-instance", version: "1.0.0" },
    ]);
  });

  it("skips incomplete pairs and values the hub would refuse", () => {
    const pairs = runningBlueprints(
      snapshot([
        { "blueprint.alliance-hub/name": "metallb-l2" },
        { "blueprint.alliance-hub/version": "1.0.0" },
        blueprintLabels("Metallb", "1.0.0"),
        blueprintLabels("metallb-l2", "v1.0.0"),
        blueprintLabels("metallb-l2", "1.0"),
        blueprintLabels(`x${"a".repeat(63)}`, "1.0.0"),
        blueprintLabels("metallb-l2", "2.0.0-rc.1"),
        { "app.kubernetes.io/part-of": "metallb-l2", "app.kubernetes.io/version": "1.0.0" },
      ]),
    );
    expect(pairs).toEqual([{ name: "metallb-l2", version: "2.0.0-rc.1" }]);
  });

  it("caps the list at the hub's limit", () => {
    const labels = Array.from({ length: MAX_RUNNING_BLUEPRINTS + 50 }, (_, index) =>
      blueprintLabels(`bp-${String(index).padStart(3, "0")}`, "1.0.0"),
    );
    const pairs = runningBlueprints(snapshot(labels));
    expect(pairs).toHaveLength(MAX_RUNNING_BLUEPRINTS);
    expect(pairs[0].name).toBe("bp-000");
  });

  it("compares sets", () => {
    const a = [{ name: "a", version: "1.0.0" }];
    expect(sameBlueprints(a, [{ name: "a", version: "1.0.0" }])).toBe(true);
    expect(sameBlueprints(a, [{ name: "a", version: "1.0.1" }])).toBe(false);
    expect(sameBlueprints(a, [])).toBe(false);
  });
});
