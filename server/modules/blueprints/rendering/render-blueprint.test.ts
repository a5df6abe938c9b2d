import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildBlueprintFiles } from "../format/blueprint-fixture.js";
import { loadBlueprintFolderOrThrow } from "../format/load-folder.js";
import { BlueprintRenderError, renderBlueprint } from "./render-blueprint.js";

const TEMPLATES = {
  "templates/z-last.yaml": "kind: Last\nlabels:\n  {{ values.labels | yaml | indent 2 }}\n",
  "templates/a-first.yaml":
    "kind: First\nname: {{ values.name }}\nendpoint: {{ values.controlPlane.endpoint | quote }}",
  "templates/optional.yaml": "{{#if values.items}}\nitems: {{ values.items | json }}\n{{/if}}\n",
};

function source(overrides: Record<string, string | undefined> = {}) {
  return loadBlueprintFolderOrThrow(buildBlueprintFiles({ ...TEMPLATES, ...overrides }));
}

function renderError(action: () => unknown): BlueprintRenderError {
  try {
    action();
  } catch (error) {
    if (error instanceof BlueprintRenderError) return error;
    throw error;
  }
  throw new Error("expected a BlueprintRenderError");
}

describe("Blueprint rendering", () => {
  it("renders every template, sorted by path, each ending with a newline", () => {
    const bundle = renderBlueprint(source(), { name: "web", labels: { tier: "front" } });
    expect(bundle.files.map((file) => file.path)).toEqual([
      "a-first.yaml",
      "manifests/config.yaml",
      "z-last.yaml",
    ]);
    expect(bundle.files[0].content).toBe('kind: First\nname: web\nendpoint: "api.example.org"\n');
  });

  it("leaves out a file that renders to whitespace only", () => {
    expect(renderBlueprint(source(), { name: "web" }).files.map((file) => file.path)).not.toContain(
      "optional.yaml",
    );
    expect(renderBlueprint(source(), { name: "web", items: ["a"] }).files.map((file) => file.path)).toContain(
      "optional.yaml",
    );
  });

  it("writes SHA256SUMS as `<hex>  <path>` lines in path order", () => {
    const bundle = renderBlueprint(source(), { name: "web" });
    const expected = bundle.files
      .map((file) => `${createHash("sha256").update(file.content, "utf8").digest("hex")}  ${file.path}\n`)
      .join("");
    expect(bundle.sha256sums).toBe(expected);
    expect(bundle.sha256sums).toMatch(/^([0-9a-f]{64} {2}\S+\n)+$/);
  });

  it("gives the same bytes for the same parameters, every time", () => {
    const params = { name: "web", labels: { b: "2", a: "1" }, items: ["x", "y"] };
    const first = renderBlueprint(source(), params);
    const second = renderBlueprint(source(), structuredClone(params));
    expect(second).toEqual(first);
  });

  it("does not depend on the key order of the parameters", () => {
    const first = renderBlueprint(source(), { name: "web", labels: { b: "2", a: "1" }, replicas: 3 });
    const second = renderBlueprint(source(), { replicas: 3, labels: { a: "1", b: "2" }, name: "web" });
    expect(second.sha256sums).toBe(first.sha256sums);
    expect(first.files.find((file) => file.path === "z-last.yaml")?.content).toBe(
      'kind: Last\nlabels:\n  a: "1"\n  b: "2"\n',
    );
  });

  it("refuses invalid parameters with every failing path", () => {
    const error = renderError(() => renderBlueprint(source(), { replicas: 0, controlPlane: { port: "x" } }));
    expect(error.code).toBe("INVALID_PARAMETERS");
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "/controlPlane/port",
      "/name",
      "/replicas",
    ]);
  });

  it("reports a template fault with its file and line", () => {
    const broken = source({ "templates/broken.yaml": "ok: 1\nvalue: {{ values.missing }}\n" });
    const error = renderError(() => renderBlueprint(broken, { name: "web" }));
    expect(error.code).toBe("TEMPLATE_ERROR");
    expect(error.problems[0]).toMatchObject({ file: "templates/broken.yaml", line: 2 });
    expect(error.problems[0].message).toMatch(/UNKNOWN_PATH/);
  });
});
