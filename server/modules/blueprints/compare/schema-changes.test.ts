import { describe, expect, it } from "vitest";
import { diffParameterSchemas } from "./schema-changes.js";

const before = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", maxLength: 20 },
    replicas: { type: "integer", minimum: 1, default: 2 },
    old: { type: "boolean" },
    pools: { type: "array", items: { type: "object", properties: { cidr: { type: "string" } } } },
  },
};
const after = {
  type: "object",
  additionalProperties: false,
  required: ["name", "replicas"],
  properties: {
    name: { type: "string", maxLength: 40, description: "changed prose is not a change" },
    replicas: { type: "integer", minimum: 1, default: 3 },
    added: { type: "string" },
    pools: {
      type: "array",
      items: {
        type: "object",
        properties: { cidr: { type: "string", format: "ipv4" }, name: { type: "string" } },
      },
    },
  },
};

describe("diffParameterSchemas", () => {
  it("reports added, removed, required and keyword changes at every level, sorted by path", () => {
    expect(diffParameterSchemas(before, after)).toEqual([
      { kind: "added", path: "/added", description: "new optional parameter" },
      { kind: "changed", path: "/name", description: "maxLength: 20 → 40" },
      { kind: "removed", path: "/old", description: "parameter removed" },
      { kind: "changed", path: "/pools/*/cidr", description: 'format added: "ipv4"' },
      { kind: "added", path: "/pools/*/name", description: "new optional parameter" },
      { kind: "changed", path: "/replicas", description: "became required" },
      { kind: "changed", path: "/replicas", description: "default: 2 → 3" },
    ]);
  });

  it("finds nothing between equal schemas", () => {
    expect(diffParameterSchemas(before, structuredClone(before))).toEqual([]);
  });
});
