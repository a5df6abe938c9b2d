import { describe, expect, it } from "vitest";
import { HubError } from "../../../errors.js";
import { toGlobalId } from "../../../graphql/global-id.js";
import { validatePlacementRequest } from "./validate-request.js";

const COOPERATIVE = "5f0c6d7e-1b2a-4c3d-8e9f-0a1b2c3d4e5f";
const base = {
  cooperativeId: toGlobalId("Cooperative", COOPERATIVE),
  name: "web",
  manifests: "kind: ConfigMap",
  replicas: 3,
  resources: [
    { resource: "cpu", amount: 500 },
    { resource: "memory", amount: 1024 },
    { resource: "gpu:nvidia-a100", amount: 0 },
  ],
  mode: { kind: "DIVIDED" },
};

function problemsOf(input: Record<string, unknown>): string[] {
  try {
    validatePlacementRequest({ ...base, ...input }, "input.request");
  } catch (error) {
    if (error instanceof HubError && error.code === "BAD_USER_INPUT")
      return (error.extensions.problems as Array<{ field: string }>).map((problem) => problem.field);
    throw error;
  }
  return [];
}

describe("validatePlacementRequest", () => {
  it("converts to the scheduler's shapes with defaults", () => {
    const valid = validatePlacementRequest(
      {
        ...base,
        mode: { kind: "DUPLICATED" },
        constraints: {
          jurisdictions: ["EU"],
          labelSelector: {
            matchLabels: [{ key: "tier", value: "gold" }],
            matchExpressions: [{ key: "zone", operator: "Exists" }],
          },
          tolerations: [{ key: "alliance.coop/maintenance", operator: "Exists", effect: null }],
        },
        spread: { maxPerCluster: 2 },
      },
      "input.request",
    );
    expect(valid).toMatchObject({
      cooperativeId: COOPERATIVE,
      source: { kind: "manifests", yaml: "kind: ConfigMap" },
      perReplica: { cpu: 500, memory: 1024 },
      mode: { kind: "Duplicated", clusters: 1 },
      spread: { maxPerCluster: 2 },
      tolerationSeconds: 300,
      constraints: {
        jurisdictions: ["EU"],
        labelSelector: {
          matchLabels: { tier: "gold" },
          matchExpressions: [{ key: "zone", operator: "Exists" }],
        },
        tolerations: [{ key: "alliance.coop/maintenance", operator: "Exists" }],
      },
    });
    expect(valid.perReplica).not.toHaveProperty("gpu:nvidia-a100");
  });

  it.each([
    ["replicas 0", { replicas: 0 }, "input.request.replicas"],
    ["replicas 1001", { replicas: 1001 }, "input.request.replicas"],
    [
      "pods are not requestable",
      { resources: [{ resource: "pods", amount: 1 }] },
      "input.request.resources.0.resource",
    ],
    [
      "fractional amount",
      { resources: [{ resource: "cpu", amount: 0.5 }] },
      "input.request.resources.0.amount",
    ],
    [
      "a resource twice",
      {
        resources: [
          { resource: "cpu", amount: 1 },
          { resource: "cpu", amount: 2 },
        ],
      },
      "input.request.resources",
    ],
    ["nothing above 0", { resources: [{ resource: "cpu", amount: 0 }] }, "input.request.resources"],
    ["toleration too short", { tolerationSeconds: 29 }, "input.request.tolerationSeconds"],
    ["toleration too long", { tolerationSeconds: 86_401 }, "input.request.tolerationSeconds"],
    ["no source", { manifests: null }, "input.request.manifests"],
    ["clusters in Divided mode", { mode: { kind: "DIVIDED", clusters: 2 } }, "input.request.mode.clusters"],
    [
      "In without values",
      { constraints: { labelSelector: { matchExpressions: [{ key: "a", operator: "In" }] } } },
      "input.request.constraints.labelSelector.matchExpressions.0.values",
    ],
    ["lowercase country", { constraints: { countries: ["de"] } }, "input.request.constraints.countries.0"],
    ["name not a DNS label", { name: "Web App" }, "input.request.name"],
  ])("refuses %s", (_case, input, field) => {
    expect(problemsOf(input)).toContain(field);
  });

  it("refuses both sources at once", () => {
    const blueprint = { blueprintVersionId: toGlobalId("BlueprintVersion", COOPERATIVE) };
    expect(problemsOf({ blueprint })).toEqual(["input.request.blueprint"]);
  });
});
