import type { ContentPage, ContentRelease } from "./content-tree.js";
import type { ContentProblem } from "./front-matter.js";
import { pagePath, ReleaseLinks } from "./release-links.js";
import { type RenderedManualPage, renderManualMarkdown } from "./render-manual-markdown.js";

/** The link map of a release read from `content/`. */
export function contentReleaseLinks(manualSlug: string, release: ContentRelease): ReleaseLinks {
  const pages = new Map<string, string>();
  for (const chapter of release.chapters) {
    for (const page of chapter.pages) pages.set(page.file, pagePath(chapter.slug, page.slug));
  }
  return new ReleaseLinks(manualSlug, release.name, pages, release.assets);
}

/**
 * Renders every page of a release and reports links that do not resolve inside it: missing pages or assets,
 * and `page.md#anchor` links to a heading the target page does not have. Each problem names file and line.
 */
export function renderContentRelease(
  manualSlug: string,
  release: ContentRelease,
): { rendered: Map<string, RenderedManualPage>; problems: ContentProblem[] } {
  const links = contentReleaseLinks(manualSlug, release);
  const rendered = new Map<string, RenderedManualPage>();
  const problems: ContentProblem[] = [];
  const byFile = new Map<string, ContentPage>();
  for (const chapter of release.chapters) {
    for (const page of chapter.pages) {
      byFile.set(page.file, page);
      const result = renderManualMarkdown(page.body, links, chapter.directory);
      rendered.set(page.file, result);
      for (const href of result.brokenLinks) {
        problems.push({
          file: page.contentPath,
          line: lineOfReference(page, href),
          message: `broken link "${href}": no such page or file in release ${release.name}`,
        });
      }
    }
  }
  for (const [file, result] of rendered) {
    const page = byFile.get(file) as ContentPage;
    for (const anchor of result.anchors) {
      const target = rendered.get(anchor.targetFile);
      if (target?.headings.some((heading) => heading.id === `h-${anchor.fragment}`)) continue;
      problems.push({
        file: page.contentPath,
        line: lineOfReference(page, anchor.href),
        message: `broken link "${anchor.href}": ${anchor.targetFile} has no heading #${anchor.fragment}`,
      });
    }
  }
  return { rendered, problems };
}

/** The 1-based line of the file where `(href` first appears (markdown-it does not keep inline positions). */
function lineOfReference(page: ContentPage, href: string): number {
  const lines = page.body.split("\n");
  const index = lines.findIndex((line) => line.includes(`(${href}`) || line.includes(`: ${href}`));
  const fallback = lines.findIndex((line) => line.includes(href));
  const found = index >= 0 ? index : fallback;
  return page.bodyStartLine + Math.max(found, 0);
}
