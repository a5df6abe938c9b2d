import type { RenderedBundle } from "../rendering/render-blueprint.js";
import { sha256OfBytes } from "./file-listing.js";
import { writeDeterministicTarGz } from "./tar-writer.js";

/** A rendered bundle as served: the `.tgz` bytes, its digest and its file name. */
export interface RenderedArchive {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Packs a render into `<name>-<version>/` with its `SHA256SUMS`, deterministically: the same source and parameters
 * always give the same archive and so the same digest (shown by the `renderBlueprint` query before downloading).
 */
export function packRenderedBundle(name: string, version: string, bundle: RenderedBundle): RenderedArchive {
  const folder = `${name}-${version}`;
  const bytes = writeDeterministicTarGz([
    ...bundle.files.map((file) => ({
      path: `${folder}/${file.path}`,
      content: Buffer.from(file.content, "utf8"),
    })),
    { path: `${folder}/SHA256SUMS`, content: Buffer.from(bundle.sha256sums, "utf8") },
  ]);
  return { fileName: `${folder}-rendered.tgz`, bytes, sha256: sha256OfBytes(bytes) };
}
