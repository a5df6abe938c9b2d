import { gunzipSync } from "node:zlib";

function field(block: Buffer, offset: number, length: number): string {
  const end = block.indexOf(0, offset);
  return block.toString("utf8", offset, end === -1 || end > offset + length ? offset + length : end);
}

/**
 * Reads back an archive written by `writeDeterministicTarGz` (ustar, regular files only), synchronously and in
 * memory. Only for the hub's own stored archives; uploads go through `readUploadedTarball`, which checks everything.
 * `stripPrefix` removes the top folder (`<name>/`) the source archive keeps its files under.
 */
export function readOwnArchive(archive: Buffer, stripPrefix = ""): Map<string, Buffer> {
  const tar = gunzipSync(archive);
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const block = tar.subarray(offset, offset + 512);
    if (block.every((byte) => byte === 0)) break;
    const name = field(block, 0, 100);
    const prefix = field(block, 345, 155);
    const size = Number.parseInt(field(block, 124, 12).trim(), 8);
    const path = prefix ? `${prefix}/${name}` : name;
    const content = Buffer.from(tar.subarray(offset + 512, offset + 512 + size));
    if (!path.startsWith(stripPrefix)) throw new Error(`unexpected archive entry ${path}`);
    files.set(path.slice(stripPrefix.length), content);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
