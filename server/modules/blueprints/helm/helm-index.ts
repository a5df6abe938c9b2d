import { stringify } from "yaml";
import type { BlueprintManifest } from "../format/manifest-schema.js";
import { compareSemver } from "../format/semver.js";

/** What the index needs of one chart version (no archive bytes). */
export interface ChartRow {
  name: string;
  version: string;
  manifest: BlueprintManifest;
  chartSha256: string;
  createdAt: Date;
}

/** The `index.yaml` entry of a chart version: Chart.yaml's fields plus urls, created and digest. */
function entry(row: ChartRow, publicUrl: string): Record<string, unknown> {
  const { manifest } = row;
  const appVersion = manifest.components.find((component) => component.appVersion)?.appVersion;
  const home = manifest.links.find((link) => link.url.startsWith("https://"))?.url;
  return {
    apiVersion: "v2",
    name: row.name,
    version: row.version,
    ...(appVersion ? { appVersion } : {}),
    description: manifest.description,
    type: "application",
    keywords: manifest.keywords,
    ...(home ? { home } : {}),
    kubeVersion: manifest.compatibility.kubernetes,
    maintainers: manifest.maintainers.map(({ name, email }) => ({ name, ...(email ? { email } : {}) })),
    ...(manifest.deprecated ? { deprecated: true } : {}),
    annotations: { "alliance-hub/blueprint-kind": manifest.kind, "alliance-hub/category": manifest.category },
    urls: [`${publicUrl}/charts/${row.name}-${row.version}.tgz`],
    created: row.createdAt.toISOString(),
    digest: row.chartSha256,
  };
}

/**
 * A Helm chart repository index (`apiVersion: v1`): entries by chart name (sorted), each chart's versions newest
 * first by SemVer precedence, with absolute `urls`, RFC 3339 `created` and the sha256 `digest` of the `.tgz` as
 * served. `generated` is the time of the newest change, so the same catalog always gives the same bytes.
 */
export function buildHelmIndex(rows: readonly ChartRow[], publicUrl: string): string {
  const byName = new Map<string, ChartRow[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  const entries: Record<string, unknown[]> = {};
  for (const name of [...byName.keys()].sort()) {
    const versions = [...(byName.get(name) ?? [])].sort((left, right) =>
      compareSemver(right.version, left.version),
    );
    entries[name] = versions.map((row) => entry(row, publicUrl));
  }
  const newest = rows.reduce((latest, row) => Math.max(latest, row.createdAt.getTime()), 0);
  return stringify(
    { apiVersion: "v1", entries, generated: new Date(newest).toISOString() },
    { lineWidth: 0 },
  );
}
