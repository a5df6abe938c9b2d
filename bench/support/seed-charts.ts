import { join } from "node:path";
import type { DataSource } from "typeorm";
import { systemClock } from "../../server/clock.js";
import { inTransaction } from "../../server/db/transaction.js";
import { CONTENT_DIRECTORY } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { loadBlueprintFolderOrThrow } from "../../server/modules/blueprints/format/load-folder.js";
import { readBlueprintFolder } from "../../server/modules/blueprints/format/read-folder.js";
import { prepareVersion } from "../../server/modules/blueprints/publishing/prepare-version.js";
import { storeVersion } from "../../server/modules/blueprints/publishing/store-version.js";
import { blueprintContentSyncer } from "../../server/modules/blueprints/publishing/blueprint-content-syncer.js";

/** What `seedCharts` stored. */
export interface ChartSeed {
  /** The content sync's own summary (the alliance's real blueprints). */
  contentSummary: string;
  /** Synthetic chart versions stored on top. */
  syntheticVersions: number;
}

/** The AppBlueprint the synthetic versions are copied from (AppBlueprints are the ones packaged as charts). */
const TEMPLATE_FOLDER = "blueprints/metallb-l2/1.1.0";

/**
 * Syncs the real blueprints from `content/blueprints` (as `CONTENT_SYNC_ON_START` would), then publishes
 * `names × versionsPerName` synthetic chart versions through the hub's own prepare/store commands: copies of
 * `metallb-l2` renamed `bench-app-NN` at versions `1.0.K`, so the Helm index has a realistic size.
 */
export async function seedCharts(
  dataSource: DataSource,
  options: { names: number; versionsPerName: number },
): Promise<ChartSeed> {
  const { summary } = await blueprintContentSyncer.sync({
    dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock: systemClock,
    logger: createLogger("silent"),
  });
  const files = await readBlueprintFolder(join(CONTENT_DIRECTORY, TEMPLATE_FOLDER));
  const manifestText = files.get("blueprint.yaml")?.toString("utf8") ?? "";
  const now = systemClock.now();
  let stored = 0;
  await inTransaction(dataSource, async (manager) => {
    for (let name = 0; name < options.names; name++) {
      for (let version = 0; version < options.versionsPerName; version++) {
        const copy = new Map(files);
        const manifest = manifestText
          .replace(/^name: .*$/m, `name: bench-app-${String(name).padStart(2, "0")}`)
          .replace(/^version: .*$/m, `version: 1.0.${version}`);
        copy.set("blueprint.yaml", Buffer.from(manifest));
        const prepared = prepareVersion(loadBlueprintFolderOrThrow(copy));
        await storeVersion(manager, prepared, {
          publisherCooperativeId: null,
          origin: "content",
          actor: { personId: null, requestId: null, now },
        });
        stored += 1;
      }
    }
  });
  return { contentSummary: summary, syntheticVersions: stored };
}
