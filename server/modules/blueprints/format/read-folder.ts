import { lstat, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Largest file read from disk; a blueprint is text and small. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a blueprint folder from disk into the map {@link loadBlueprintFolder} takes, keyed by
 * forward-slash relative paths. Symbolic links and other special files are refused rather
 * than followed, so a folder can never pull in files from elsewhere.
 */
export async function readBlueprintFolder(directory: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((left, right) => (left.name < right.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      const key = relative(directory, path).split(sep).join("/");
      if (entry.isDirectory()) {
        await visit(path);
      } else if (entry.isFile()) {
        const stats = await lstat(path);
        if (stats.size > MAX_FILE_BYTES) throw new Error(`${key} is larger than ${MAX_FILE_BYTES} bytes`);
        files.set(key, await readFile(path));
      } else {
        throw new Error(`${key} is not a regular file or folder (symbolic links are refused)`);
      }
    }
  };
  await visit(directory);
  return files;
}
