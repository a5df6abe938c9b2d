import { describe, expect, it } from "vitest";
import { initialPlacementForm, previewable, requestOf } from "./placement-form-state.js";

describe("The placement form's request", () => {
  it("converts cores and MiB to the hub's units and leaves empty limits out", () => {
    const state = {
      ...initialPlacementForm("coop"),
      name: "shop",
      replicas: "3",
      cpuCores: "0.25",
      memoryMi: "256",
    };
    expect(requestOf(state)).toMatchObject({
      cooperativeId: "coop",
      name: "shop",
      replicas: 3,
      resources: [
        { resource: "cpu", amount: 250 },
        { resource: "memory", amount: 256 * 1024 ** 2 },
      ],
      mode: { kind: "DIVIDED" },
      spread: { maxPerCluster: undefined, maxPerCooperative: undefined },
      constraints: { excludeOwnClusters: false, preferOwnClusters: false },
    });
    expect(requestOf(state)).not.toHaveProperty("blueprint");
  });

  it("sends a blueprint source, duplicated mode and residency lists", () => {
    const state = {
      ...initialPlacementForm("coop"),
      name: "odoo",
      source: "BLUEPRINT" as const,
      blueprintVersionId: "bv",
      parameters: '{"size": "s"}',
      modeKind: "DUPLICATED" as const,
      modeClusters: "2",
      jurisdictions: "EU, CH",
      countries: "de,fr",
      own: "exclude" as const,
    };
    const request = requestOf(state);
    expect(request).toMatchObject({
      blueprint: { blueprintVersionId: "bv", parameters: { size: "s" } },
      mode: { kind: "DUPLICATED", clusters: 2 },
      constraints: { jurisdictions: ["EU", "CH"], countries: ["DE", "FR"], excludeOwnClusters: true },
    });
    expect(request).not.toHaveProperty("manifests");
    // Malformed JSON is sent as typed, so the hub names the field.
    expect(requestOf({ ...state, parameters: "{" })).toMatchObject({ blueprint: { parameters: "{" } });
  });

  it("asks for a preview only once the form names and describes a workload", () => {
    const state = initialPlacementForm("coop");
    expect(previewable(state)).toBe(false);
    expect(previewable({ ...state, name: "shop" })).toBe(true);
    expect(previewable({ ...state, name: "shop", manifests: " " })).toBe(false);
    expect(previewable({ ...state, name: "shop", replicas: "0" })).toBe(false);
  });
});
