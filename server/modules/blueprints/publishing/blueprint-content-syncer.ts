import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { ContentSyncer } from "../../../content/content-syncer.js";
import { inTransaction } from "../../../db/transaction.js";
import { invalidateCatalog } from "../catalog/catalog-generation.js";
import { HubError } from "../../../errors.js";
import type { BlueprintSource } from "../format/blueprint-source.js";
import { loadBlueprintFolder } from "../format/load-folder.js";
import { readBlueprintFolder } from "../format/read-folder.js";
import { type PreparedVersion, prepareVersion } from "./prepare-version.js";
import { storeVersion } from "./store-version.js";

/** A content sync failed; nothing was written. `code` is CONFLICT for a changed published version. */
export class BlueprintSyncError extends Error {
  constructor(
    readonly code: "INVALID" | "CONFLICT",
    readonly problems: string[],
  ) {
    super(`blueprint content sync failed (nothing written):\n  ${problems.join("\n  ")}`);
    this.name = "BlueprintSyncError";
  }
}

async function subfolders(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

interface Loaded {
  folder: string;
  source: BlueprintSource;
}

/** Reads and checks every `content/blueprints/<name>/<version>/`; returns every problem of every folder at once. */
async function loadAll(root: string): Promise<{ loaded: Loaded[]; problems: string[] }> {
  const loaded: Loaded[] = [];
  const problems: string[] = [];
  for (const name of await subfolders(root)) {
    for (const version of await subfolders(join(root, name))) {
      const folder = `content/blueprints/${name}/${version}`;
      let files: Map<string, Buffer>;
      try {
        files = await readBlueprintFolder(join(root, name, version));
      } catch (error) {
        problems.push(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const result = loadBlueprintFolder(files);
      if (!result.ok) {
        for (const problem of result.problems) {
          const where = `${folder}/${problem.file ?? ""}${problem.line ? `:${problem.line}` : ""}`;
          problems.push(`${where} ${problem.path} ${problem.message}`.replace(/ {2,}/g, " "));
        }
        continue;
      }
      const { manifest } = result.source;
      if (manifest.name !== name || manifest.version !== version) {
        problems.push(
          `${folder}/blueprint.yaml: name and version (${manifest.name} ${manifest.version}) must match the folder`,
        );
        continue;
      }
      loaded.push({ folder, source: result.source });
    }
  }
  return { loaded, problems };
}

/**
 * Loads the alliance's official blueprints from `content/blueprints/<name>/<version>/`. All-or-nothing: every
 * folder is checked first and any problem stops the sync before a write; then all versions are stored in one
 * transaction. Idempotent: unchanged versions are left alone. A published version whose files changed is a
 * CONFLICT naming the folder (versions are immutable: bump the version instead).
 */
export const blueprintContentSyncer: ContentSyncer = {
  name: "blueprints",
  async sync({ dataSource, contentDirectory, clock }) {
    const root = join(contentDirectory, "blueprints");
    if (!existsSync(root)) return { summary: "no content/blueprints folder" };
    const { loaded, problems } = await loadAll(root);
    if (problems.length > 0) throw new BlueprintSyncError("INVALID", problems);
    const prepared: Array<{ folder: string; version: PreparedVersion }> = loaded.map(
      ({ folder, source }) => ({
        folder,
        version: prepareVersion(source),
      }),
    );
    const now = clock.now();
    const counts = await inTransaction(dataSource, async (manager) => {
      let created = 0;
      for (const { folder, version } of prepared) {
        try {
          const result = await storeVersion(manager, version, {
            publisherCooperativeId: null,
            origin: "content",
            actor: { personId: null, requestId: null, now },
          });
          if (result.status === "created") created += 1;
        } catch (error) {
          if (error instanceof HubError && error.code === "CONFLICT") {
            throw new BlueprintSyncError("CONFLICT", [
              `${folder}/blueprint.yaml: CONFLICT: ${error.message}`,
            ]);
          }
          throw error;
        }
      }
      return { created, unchanged: prepared.length - created };
    });
    if (counts.created > 0) invalidateCatalog(dataSource);
    return {
      summary: `${prepared.length} blueprint versions: ${counts.created} added, ${counts.unchanged} unchanged`,
    };
  },
};
