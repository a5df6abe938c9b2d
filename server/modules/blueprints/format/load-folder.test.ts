import { describe, expect, it } from "vitest";
import { buildBlueprintFiles, fixtureSchema } from "./blueprint-fixture.js";
import { BlueprintFormatError, loadBlueprintFolder, loadBlueprintFolderOrThrow } from "./load-folder.js";

function problemsOf(files: Map<string, Buffer>) {
  const result = loadBlueprintFolder(files);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

function schemaWith(change: (schema: Record<string, unknown>) => void): string {
  const schema = fixtureSchema();
  change(schema);
  return JSON.stringify(schema);
}

describe("Blueprint folder loading", () => {
  it("returns the source with templates relative to templates/ and the examples", () => {
    const source = loadBlueprintFolderOrThrow(
      buildBlueprintFiles({ "templates/a.yaml": "kind: A\n", "examples/edge.json": '{ "name": "x" }' }),
    );
    expect(source.manifest.name).toBe("demo");
    expect(source.templates.map((template) => template.path)).toEqual(["a.yaml", "manifests/config.yaml"]);
    expect(source.examples).toEqual([
      { name: "defaults", values: { name: "demo" } },
      { name: "edge", values: { name: "x" } },
    ]);
    expect(source.readme).toBe("# Demo\n");
  });

  it.each(["blueprint.yaml", "values.schema.json", "README.md"])("requires %s", (file) => {
    expect(problemsOf(buildBlueprintFiles({ [file]: undefined }))).toContainEqual(
      expect.objectContaining({ file, message: "is missing" }),
    );
  });

  it("requires at least one template", () => {
    const files = buildBlueprintFiles({ "templates/manifests/config.yaml": undefined });
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: "templates/", message: "holds no template" }),
    );
  });

  it.each([
    "../escape.yaml",
    "templates/../../etc/passwd",
    "/etc/passwd",
    "templates/.hidden",
    "templates\\windows.yaml",
    "notes.txt",
    "other/file.yaml",
    "examples/nested/x.json",
    "examples/x.yaml",
  ])("refuses the path %s", (path) => {
    expect(problemsOf(buildBlueprintFiles({ [path]: "x" }))).toContainEqual(
      expect.objectContaining({ file: path }),
    );
  });

  it("reports manifest problems with their line", () => {
    const files = buildBlueprintFiles({ "blueprint.yaml": "apiVersion: alliance-hub/v1\nkind: Nope\n" });
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: "blueprint.yaml", path: "/kind", line: 2 }),
    );
  });

  it.each([
    [
      "a draft other than 07",
      (schema: Record<string, unknown>) => {
        schema.$schema = "https://json-schema.org/draft/2020-12/schema";
      },
      "/$schema",
    ],
    [
      "an open root",
      (schema: Record<string, unknown>) => {
        delete schema.additionalProperties;
      },
      "/additionalProperties",
    ],
    [
      "a root that is not an object",
      (schema: Record<string, unknown>) => {
        schema.type = "array";
      },
      "/type",
    ],
    [
      "a pattern without maxLength (slow on untrusted input)",
      (schema: Record<string, unknown>) => {
        schema.properties = { name: { type: "string", pattern: "^(a+)+$" } };
      },
      "/properties/name",
    ],
    [
      "an unknown format",
      (schema: Record<string, unknown>) => {
        schema.properties = { name: { type: "string", format: "credit-card", maxLength: 20 } };
      },
      "",
    ],
    [
      "an unknown keyword",
      (schema: Record<string, unknown>) => {
        schema.properties = { name: { type: "string", maxLenght: 20 } };
      },
      "",
    ],
  ])("refuses a parameter schema with %s", (_label, change, path) => {
    const files = buildBlueprintFiles({ "values.schema.json": schemaWith(change) });
    expect(problemsOf(files)).toContainEqual(expect.objectContaining({ file: "values.schema.json", path }));
  });

  it("refuses a schema that is not JSON", () => {
    const files = buildBlueprintFiles({ "values.schema.json": "{ nope" });
    expect(problemsOf(files)[0].message).toMatch(/not valid JSON/);
  });

  it("reports a template syntax error with file and line", () => {
    const files = buildBlueprintFiles({ "templates/broken.yaml": "a: 1\nb: {{#if values.x}}\n" });
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({
        file: "templates/broken.yaml",
        line: 2,
        message: expect.stringMatching(/never closed/),
      }),
    );
  });

  it("refuses files that are not UTF-8", () => {
    const files = buildBlueprintFiles({ "templates/binary.yaml": Buffer.from([0xff, 0xfe, 0x00]) });
    expect(problemsOf(files)).toContainEqual(expect.objectContaining({ file: "templates/binary.yaml" }));
  });

  it("collects problems from several files in one pass", () => {
    const files = buildBlueprintFiles({
      "blueprint.yaml": "kind: Nope\n",
      "values.schema.json": "{}",
      "templates/broken.yaml": "{{ values.",
    });
    const reported = new Set(problemsOf(files).map((problem) => problem.file));
    expect([...reported].sort()).toEqual(["blueprint.yaml", "templates/broken.yaml", "values.schema.json"]);
  });

  it("throws BlueprintFormatError listing every problem from the throwing variant", () => {
    expect(() => loadBlueprintFolderOrThrow(buildBlueprintFiles({ "README.md": undefined }))).toThrow(
      BlueprintFormatError,
    );
  });
});
