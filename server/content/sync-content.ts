import type { ContentSyncContext } from "./content-syncer.js";
import { CONTENT_SYNCERS } from "./content-syncers.js";

/** Runs every content syncer; the first failure stops the run (each syncer is all-or-nothing on its own). */
export async function syncContent(context: ContentSyncContext): Promise<string[]> {
  const summaries: string[] = [];
  for (const syncer of CONTENT_SYNCERS) {
    const started = Date.now();
    const { summary } = await syncer.sync(context);
    context.logger.info({ syncer: syncer.name, ms: Date.now() - started }, summary);
    summaries.push(`${syncer.name}: ${summary}`);
  }
  return summaries;
}
