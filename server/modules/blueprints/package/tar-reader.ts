import { Parser, type ReadEntry } from "tar";

/** Largest upload, compressed and uncompressed alike. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

/** Why an uploaded archive was refused, for the publisher. */
export class UploadRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UploadRefused";
  }
}

function checkEntryPath(path: string): string {
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path))
    throw new UploadRefused(`${path}: absolute paths are refused`);
  if (path.includes("\\")) throw new UploadRefused(`${path}: backslashes are refused`);
  const segments = path.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw new UploadRefused(`${path}: path traversal ("..") is refused`);
  return segments.join("/");
}

/**
 * Reads an uploaded `.tgz` (or plain `.tar`) into relative path -> bytes without touching the disk. Refuses
 * symbolic and hard links, devices and other special entries, absolute paths, `..`, more than 10 MiB (before or
 * after decompression) and corrupt archives, each with a reason. When every file sits under one top folder (as
 * `tar czf x.tgz my-blueprint/` makes), that folder is stripped.
 */
export async function readUploadedTarball(bytes: Buffer): Promise<Map<string, Buffer>> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadRefused(`the archive is larger than 10 MiB`);
  const raw = new Map<string, Buffer>();
  let total = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
  };
  const parser = new Parser({
    strict: true,
    maxDecompressionRatio: 1_000,
    onwarn: (_code, message) => fail(new UploadRefused(`the archive is not a valid tar file: ${message}`)),
    onReadEntry: (entry: ReadEntry) => {
      try {
        const path = checkEntryPath(entry.path);
        if (entry.type === "Directory") {
          entry.resume();
          return;
        }
        if (entry.type !== "File" && entry.type !== "OldFile" && entry.type !== "ContiguousFile") {
          const what = /Link/.test(entry.type) ? "links (symbolic or hard) are" : `${entry.type} entries are`;
          throw new UploadRefused(`${entry.path}: ${what} refused`);
        }
        if (raw.size >= MAX_ENTRIES)
          throw new UploadRefused(`the archive has more than ${MAX_ENTRIES} files`);
        if (raw.has(path)) throw new UploadRefused(`${path}: appears twice`);
        total += entry.size;
        if (total > MAX_UPLOAD_BYTES) throw new UploadRefused("the unpacked files are larger than 10 MiB");
        const chunks: Buffer[] = [];
        entry.on("data", (chunk: Buffer) => chunks.push(chunk));
        entry.on("end", () => raw.set(path, Buffer.concat(chunks)));
      } catch (error) {
        fail(error as Error);
        entry.resume();
      }
    },
  });
  await new Promise<void>((resolve) => {
    parser.on("error", (error: Error) => {
      fail(new UploadRefused(`the archive is not a valid tar file: ${error.message}`));
      resolve();
    });
    parser.on("end", () => resolve());
    parser.on("close", () => resolve());
    parser.end(bytes);
  });
  if (failure) throw failure instanceof UploadRefused ? failure : new UploadRefused(failure.message);
  if (raw.size === 0) throw new UploadRefused("the archive holds no files");
  return stripCommonFolder(raw);
}

function stripCommonFolder(files: Map<string, Buffer>): Map<string, Buffer> {
  if (files.has("blueprint.yaml")) return files;
  const tops = new Set([...files.keys()].map((path) => path.split("/")[0]));
  const [top] = tops;
  if (tops.size !== 1 || [...files.keys()].some((path) => !path.startsWith(`${top}/`))) return files;
  return new Map([...files].map(([path, content]) => [path.slice(top.length + 1), content]));
}
