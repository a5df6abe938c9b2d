import { gzipSync } from "node:zlib";

/** One file of an archive. */
export interface ArchiveFile {
  path: string;
  content: Buffer;
}

/** The fixed modification time of every entry (2000-01-01T00:00:00Z): archives must not depend on the clock. */
export const ARCHIVE_MTIME_SECONDS = 946_684_800;

const BLOCK = 512;

function writeString(header: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > length) throw new Error(`tar header field too long: ${value}`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  // length - 1 octal digits, zero padded, then NUL.
  writeString(header, offset, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
}

/** Splits a long path into ustar's prefix (155 bytes) and name (100 bytes) at a slash. */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  for (let index = path.indexOf("/"); index !== -1; index = path.indexOf("/", index + 1)) {
    const prefix = path.slice(0, index);
    const name = path.slice(index + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`path too long for a ustar archive: ${path}`);
}

function header(path: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  const { prefix, name } = splitPath(path);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, ARCHIVE_MTIME_SECONDS);
  block.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
  writeString(block, 156, 1, "0");
  writeString(block, 257, 6, "ustar\0");
  writeString(block, 263, 2, "00");
  writeString(block, 345, 155, prefix);
  let checksum = 0;
  for (const byte of block) checksum += byte;
  writeString(block, 148, 8, `${checksum.toString(8).padStart(6, "0")}\0 `);
  return block;
}

/**
 * A gzipped ustar archive that depends only on the files: entries sorted by path (code-unit order), regular files
 * with mode 0644, owner 0:0, no user names and a fixed mtime; gzip without a name or timestamp. The same files
 * always give the same bytes, so the digest of an archive is a digest of its content.
 */
export function writeDeterministicTarGz(files: readonly ArchiveFile[]): Buffer {
  const sorted = [...files].sort((left, right) =>
    left.path < right.path ? -1 : left.path > right.path ? 1 : 0,
  );
  const parts: Buffer[] = [];
  for (const file of sorted) {
    parts.push(header(file.path, file.content.length), file.content);
    const padding = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
