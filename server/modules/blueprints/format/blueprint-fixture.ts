/**
 * Builders for tests: a small valid blueprint folder that each test bends in one place.
 * Kept beside the format code so format and rendering tests share one definition.
 */

/** A valid `blueprint.yaml`; line numbers in tests refer to this text. */
export const FIXTURE_MANIFEST = `apiVersion: alliance-hub/v1
kind: AppBlueprint
name: demo
version: 1.2.3
title: Demo
description: A blueprint for tests.
category: networking
keywords: [demo]
license: Apache-2.0
maintainers:
  - name: Test steward
links:
  - name: Manual
    url: /manuals/cooby-stack/2026.11/05-load-balancing-metallb
compatibility:
  kubernetes: ">=1.34.0 <1.37.0"
  prerequisites: []
components:
  - name: demo-chart
    kind: helm-chart
    version: 1.0.0
    source: https://charts.example.org
    digest: sha256:${"ab".repeat(32)}
    digestVerified: false
changelog:
  - kind: added
    description: First release.
deprecated: false
prerelease: false
containsSecurityUpdates: false
`;

/** A valid draft-07 parameter schema with nested defaults and one required parameter. */
export function fixtureSchema(): Record<string, unknown> {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    required: ["name"],
    properties: {
      name: { type: "string", pattern: "^[a-z]+$", maxLength: 20 },
      replicas: { type: "integer", minimum: 1, maximum: 5, default: 2 },
      labels: { type: "object", additionalProperties: { type: "string", maxLength: 63 }, default: {} },
      controlPlane: {
        type: "object",
        additionalProperties: false,
        default: {},
        properties: {
          endpoint: { type: "string", format: "hostname", maxLength: 253, default: "api.example.org" },
          port: { type: "integer", minimum: 1, maximum: 65535, default: 6443 },
        },
      },
      items: { type: "array", items: { type: "string", maxLength: 50 }, default: [] },
    },
  };
}

/** A folder map with the fixture files; `overrides` replace or add files, `undefined` removes one. */
export function buildBlueprintFiles(
  overrides: Record<string, string | Buffer | undefined> = {},
): Map<string, Buffer> {
  const files: Record<string, string | Buffer | undefined> = {
    "blueprint.yaml": FIXTURE_MANIFEST,
    "values.schema.json": JSON.stringify(fixtureSchema()),
    "README.md": "# Demo\n",
    "templates/manifests/config.yaml":
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ values.name }}\ndata:\n  replicas: {{ values.replicas | quote }}\n",
    "examples/defaults.json": '{ "name": "demo" }',
    ...overrides,
  };
  const map = new Map<string, Buffer>();
  for (const [path, content] of Object.entries(files)) {
    if (content !== undefined)
      map.set(path, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  }
  return map;
}
