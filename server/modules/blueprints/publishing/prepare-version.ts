import { renderMarkdown } from "../../../markdown/index.js";
import { buildChart, type PackagedChart } from "../helm/build-chart.js";
import type { BlueprintSource } from "../format/blueprint-source.js";
import type { BlueprintManifest } from "../format/manifest-schema.js";
import { fileListing, sha256OfBytes } from "../package/file-listing.js";
import { writeDeterministicTarGz } from "../package/tar-writer.js";

/** A checked blueprint folder turned into everything a version row stores, digests included. */
export interface PreparedVersion {
  manifest: BlueprintManifest;
  parameterSchema: Record<string, unknown>;
  examples: Record<string, unknown>;
  readme: string;
  readmeHtml: string;
  sourceTarball: Buffer;
  sourceSha256: string;
  /** The `SHA256SUMS` listing of the files: what a publisher signs. */
  listing: string;
  contentSha256: string;
  fileCount: number;
  chart: PackagedChart | undefined;
}

/**
 * Builds the stored form of a version: the deterministic source tarball (files under `<name>/`, as Helm packages
 * charts) and its sha256 over exactly those bytes, the content listing and its sha256, and the README rendered
 * once through the hub's Markdown pipeline (raw HTML off, sanitised), and the Helm chart of an AppBlueprint.
 */
export function prepareVersion(source: BlueprintSource): PreparedVersion {
  const { manifest } = source;
  const sourceTarball = writeDeterministicTarGz(
    [...source.files].map(([path, content]) => ({ path: `${manifest.name}/${path}`, content })),
  );
  const listing = fileListing(source.files);
  const rendered = renderMarkdown(source.readme, { idPrefix: "readme-", maxMentions: 1_000 });
  return {
    manifest,
    parameterSchema: source.schema as unknown as Record<string, unknown>,
    examples: Object.fromEntries(source.examples.map((example) => [example.name, example.values])),
    readme: source.readme,
    readmeHtml: rendered.ok ? rendered.html : "",
    sourceTarball,
    sourceSha256: sha256OfBytes(sourceTarball),
    listing,
    contentSha256: sha256OfBytes(listing),
    fileCount: source.files.size,
    chart: buildChart(source),
  };
}
