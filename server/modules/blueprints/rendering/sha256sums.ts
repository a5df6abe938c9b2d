import { createHash } from "node:crypto";

/** A rendered file: a path relative to the bundle root and its UTF-8 text. */
export interface RenderedFile {
  path: string;
  content: string;
}

/** Hex sha256 of UTF-8 text. */
export function sha256Hex(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Compares paths by UTF-16 code units, independent of the machine's locale. */
export function comparePaths(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/**
 * Builds a `SHA256SUMS` file in the format `sha256sum --check` reads: `<hex>  <path>` per
 * line (two spaces), in path order, ending with a newline.
 */
export function buildSha256Sums(files: readonly RenderedFile[]): string {
  return [...files]
    .sort((left, right) => comparePaths(left.path, right.path))
    .map((file) => `${sha256Hex(file.content)}  ${file.path}\n`)
    .join("");
}
