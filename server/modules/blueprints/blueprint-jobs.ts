import type { DataSource } from "typeorm";
import type { Logger } from "../../logger.js";
import { downloadCounter } from "./catalog/download-counter.js";

/** How often buffered download counts go to the database. */
export const DOWNLOAD_FLUSH_INTERVAL_MS = 1000;

/** The blueprints' background work in a hub process. */
export interface BlueprintJobs {
  /** Writes the buffered download counts now (tests; also run every second). */
  flushDownloads(): Promise<void>;
  /** Stops the timer and writes what is still buffered; call after the HTTP server stopped taking requests. */
  stop(): Promise<void>;
}

/** Starts the download count flush: every second, and once more at shutdown. */
export function startBlueprintJobs(deps: { dataSource: DataSource; logger: Logger }): BlueprintJobs {
  const counter = downloadCounter(deps.dataSource);
  const timer = setInterval(() => {
    counter.flush().catch((error: unknown) => {
      // The counts stay buffered and go with the next flush.
      deps.logger.warn({ err: error }, "download counts could not be written; retrying");
    });
  }, DOWNLOAD_FLUSH_INTERVAL_MS);
  timer.unref();
  return {
    flushDownloads: () => counter.flush(),
    async stop() {
      clearInterval(timer);
      await counter.flush().catch((error: unknown) => {
        deps.logger.error({ err: error }, "download counts lost at shutdown");
      });
    },
  };
}
