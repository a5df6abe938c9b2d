import { createHash } from "node:crypto";

/** sha256 of bytes as lowercase hex. */
export function sha256OfBytes(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The `SHA256SUMS` listing of a folder's files (`<hex>  <path>` per line, sorted by path), the format
 * `sha256sum --check` reads. It is what a publisher signs: `cd <folder> && find . -type f | sed 's|^\./||' |
 * LC_ALL=C sort | xargs sha256sum` produces the same bytes.
 */
export function fileListing(files: ReadonlyMap<string, Buffer>): string {
  return [...files.keys()]
    .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0))
    .map((path) => `${sha256OfBytes(files.get(path) ?? Buffer.alloc(0))}  ${path}\n`)
    .join("");
}
