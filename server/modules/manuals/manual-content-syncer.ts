import type { ContentSyncer } from "../../content/content-syncer.js";
import { inTransaction } from "../../db/transaction.js";
import type { ContentProblem } from "./front-matter.js";
import { readManualContent } from "./read-manual-content.js";
import { renderContentRelease } from "./render-content-release.js";
import type { RenderedManualPage } from "./render-manual-markdown.js";
import { type SyncCounts, writeManualContent } from "./write-manual-content.js";

/** Thrown when `content/manuals` has problems; nothing was written. The message lists every `file:line`. */
export class ManualContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `content/manuals has ${problems.length} problem(s); nothing was written:\n${problems
        .map((problem) => `  content/${problem.file}:${problem.line}: ${problem.message}`)
        .join("\n")}`,
    );
    this.name = "ManualContentError";
  }
}

/**
 * Loads `content/manuals/` (`npm run content:sync`, hub start): reads and renders everything first, refuses
 * with every problem listed, then writes all manuals in one transaction.
 */
export const manualContentSyncer: ContentSyncer = {
  name: "manuals",
  async sync({ dataSource, contentDirectory, clock, logger }) {
    const { manuals, problems } = readManualContent(contentDirectory);
    const rendered = new Map<string, Map<string, Map<string, RenderedManualPage>>>();
    let pageCount = 0;
    for (const manual of manuals) {
      const releases = new Map<string, Map<string, RenderedManualPage>>();
      for (const release of manual.releases) {
        const result = renderContentRelease(manual.slug, release);
        problems.push(...result.problems);
        releases.set(release.name, result.rendered);
        pageCount += result.rendered.size;
        logger.info(
          { manual: manual.slug, release: release.name, pages: result.rendered.size },
          "manual release read",
        );
      }
      rendered.set(manual.slug, releases);
    }
    if (problems.length) throw new ManualContentError(problems);
    const totals: SyncCounts = { created: 0, revised: 0, archived: 0, unchanged: 0 };
    await inTransaction(dataSource, async (manager) => {
      for (const manual of manuals) {
        const counts = await writeManualContent(manager, manual, rendered.get(manual.slug) ?? new Map(), {
          now: clock.now(),
          logger,
        });
        for (const key of Object.keys(totals) as Array<keyof SyncCounts>) totals[key] += counts[key];
      }
    });
    return {
      summary: `${manuals.length} manual(s), ${pageCount} page(s): ${totals.created} created, ${totals.revised} revised, ${totals.archived} archived, ${totals.unchanged} unchanged`,
    };
  },
};
