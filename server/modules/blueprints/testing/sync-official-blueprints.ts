import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import { systemClock } from "../../../clock.js";
import { CONTENT_DIRECTORY } from "../../../hub.js";
import { createLogger } from "../../../logger.js";
import { blueprintContentSyncer } from "../publishing/blueprint-content-syncer.js";

/** Runs the blueprint content sync against a test hub's database (test hubs do not sync on start). */
export function syncOfficialBlueprints(
  dataSource: DataSource,
  options: { contentDirectory?: string; clock?: Clock } = {},
) {
  return blueprintContentSyncer.sync({
    dataSource,
    contentDirectory: options.contentDirectory ?? CONTENT_DIRECTORY,
    clock: options.clock ?? systemClock,
    logger: createLogger("silent"),
  });
}
