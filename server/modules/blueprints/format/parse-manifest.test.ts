import { describe, expect, it } from "vitest";
import { FIXTURE_MANIFEST } from "./blueprint-fixture.js";
import { parseBlueprintManifest } from "./parse-manifest.js";

function problemsOf(yamlText: string) {
  const result = parseBlueprintManifest(yamlText, "blueprint.yaml");
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("Blueprint manifest parsing", () => {
  it("returns the typed manifest of a valid blueprint.yaml", () => {
    const result = parseBlueprintManifest(FIXTURE_MANIFEST, "blueprint.yaml");
    expect(result.ok && result.manifest.components[0].digestVerified).toBe(false);
    expect(result.ok && result.manifest.version).toBe("1.2.3");
  });

  it.each([
    ["version: 1.2.3", "version: 1.2", "/version", 4],
    ["version: 1.2.3", "version: v1.2.3", "/version", 4],
    ["kind: AppBlueprint", "kind: Blueprint", "/kind", 2],
    ["name: demo", "name: Demo_App", "/name", 3],
    [`digest: sha256:${"ab".repeat(32)}`, "digest: sha256:abc", "/components/0/digest", 23],
    ["    version: 1.0.0", "    version: ^1.0.0", "/components/0/version", 21],
    ["  - kind: added", "  - kind: improved", "/changelog/0/kind", 26],
    ['  kubernetes: ">=1.34.0 <1.37.0"', '  kubernetes: "1.34+"', "/compatibility/kubernetes", 16],
    ["    url: /manuals", "    url: http://manuals", "/links/0/url", 14],
  ])("reports %s changed to %s at %s, line %i", (from, to, path, line) => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace(from, to));
    expect(problems).toContainEqual(expect.objectContaining({ file: "blueprint.yaml", path, line }));
  });

  it("refuses unknown keys, so typos never pass silently", () => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace("title: Demo", "title: Demo\ntitel: Demo"));
    expect(problems[0].message).toMatch(/titel/);
  });

  it("points a missing field at its parent's line", () => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace("    digestVerified: false\n", ""));
    expect(problems).toContainEqual(
      expect.objectContaining({ path: "/components/0/digestVerified", line: 19 }),
    );
  });

  it("reports every problem at once", () => {
    const problems = problemsOf(
      FIXTURE_MANIFEST.replace("version: 1.2.3", "version: x").replace("title: Demo", "title: ''"),
    );
    expect(problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(["/version", "/title"]));
  });

  it("requires the prerelease flag to match the version", () => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace("version: 1.2.3", "version: 1.2.3-rc.1"));
    expect(problems).toContainEqual(expect.objectContaining({ path: "/prerelease", line: 29 }));
  });

  it("requires containsSecurityUpdates when the changelog has a security entry", () => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace("  - kind: added", "  - kind: security"));
    expect(problems).toContainEqual(expect.objectContaining({ path: "/containsSecurityUpdates" }));
  });

  it.each([
    ["a YAML syntax error", "title: [unclosed"],
    ["a duplicate key", "title: Demo\ntitle: Again"],
  ])("reports %s with its line", (_label, replacement) => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace("title: Demo", replacement));
    expect(problems[0].line).toBeGreaterThanOrEqual(5);
  });

  it("refuses YAML aliases (no billion laughs)", () => {
    const text = FIXTURE_MANIFEST.replace("keywords: [demo]", "keywords: &k [demo]").replace(
      "  prerequisites: []",
      "  prerequisites: *k",
    );
    expect(problemsOf(text)).toEqual([
      { file: "blueprint.yaml", path: "", line: 17, message: "YAML aliases are not allowed" },
    ]);
  });

  it("refuses custom YAML tags instead of resolving them", () => {
    const problems = problemsOf(FIXTURE_MANIFEST.replace("title: Demo", "title: !!js/function 'x'"));
    expect(problems[0]).toMatchObject({ line: 5 });
  });
});
