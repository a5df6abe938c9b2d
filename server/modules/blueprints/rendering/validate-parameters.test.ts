import { describe, expect, it } from "vitest";
import { fixtureSchema } from "../format/blueprint-fixture.js";
import { validateParameters } from "./validate-parameters.js";

describe("Parameter validation", () => {
  it("fills defaults from the schema, including nested objects", () => {
    const result = validateParameters(fixtureSchema(), { name: "web" });
    expect(result).toEqual({
      ok: true,
      values: {
        controlPlane: { endpoint: "api.example.org", port: 6443 },
        items: [],
        labels: {},
        name: "web",
        replicas: 2,
      },
    });
  });

  it("reports every failing path, not only the first", () => {
    const result = validateParameters(fixtureSchema(), {
      replicas: 9,
      controlPlane: { endpoint: "not a hostname!", port: 0, extra: true },
      items: ["ok", 3],
      unknown: 1,
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((problem) => problem.path);
    expect(paths).toEqual([
      "/controlPlane/endpoint",
      "/controlPlane/extra",
      "/controlPlane/port",
      "/items/1",
      "/name",
      "/replicas",
      "/unknown",
    ]);
  });

  it("explains unknown parameters in words", () => {
    const result = validateParameters(fixtureSchema(), { name: "web", colour: "red" });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "/colour", message: "is not a parameter of this blueprint" },
    ]);
  });

  it("escapes JSON Pointer characters in property names", () => {
    const result = validateParameters(fixtureSchema(), { name: "web", "a/b~c": 1 });
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(["/a~1b~0c"]);
  });

  it("never modifies the caller's object", () => {
    const params = { name: "web", controlPlane: {} };
    validateParameters(fixtureSchema(), params);
    expect(params).toEqual({ name: "web", controlPlane: {} });
  });

  it("returns the same values whatever the key order of the input", () => {
    const first = validateParameters(fixtureSchema(), {
      name: "web",
      labels: { b: "2", a: "1" },
      replicas: 3,
    });
    const second = validateParameters(fixtureSchema(), {
      replicas: 3,
      labels: { a: "1", b: "2" },
      name: "web",
    });
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
  });

  it.each([
    ["a function", { name: "web", replicas: () => 3 }],
    ["a date", { name: "web", when: new Date(0) }],
    ["a non-finite number", { name: "web", replicas: Number.POSITIVE_INFINITY }],
  ])("refuses %s, which is not JSON data", (_label, params) => {
    expect(validateParameters(fixtureSchema(), params).ok).toBe(false);
  });

  it("keeps a __proto__ key as data and reports it as unknown", () => {
    const result = validateParameters(
      fixtureSchema(),
      JSON.parse('{ "name": "web", "__proto__": { "polluted": true } }'),
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(["/__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("treats missing parameters as an empty object", () => {
    const result = validateParameters(fixtureSchema(), undefined);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "/name", message: "must have required property 'name'" },
    ]);
  });
});
