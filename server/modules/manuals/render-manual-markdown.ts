import { type Heading, renderMarkdown } from "../../markdown/index.js";
import type { AnchorReference, ReleaseLinks } from "./release-links.js";

/** A page rendered for storage, with the links the release could not resolve. */
export interface RenderedManualPage {
  html: string;
  toc: Heading[];
  headings: Heading[];
  brokenLinks: string[];
  anchors: AnchorReference[];
}

/** Manual text is long and technical: mentions are not what it is for, so the forum's limit does not apply. */
const MANUAL_MAX_MENTIONS = 1_000;

/**
 * Renders one page of a release: heading ids prefixed `h-`, permalinks, links resolved inside the release,
 * highlighted code with copy buttons, sanitised output. Pure; called once per revision.
 */
export function renderManualMarkdown(
  markdown: string,
  links: ReleaseLinks,
  chapterDirectory: string,
): RenderedManualPage {
  const resolvers = links.resolversFor(chapterDirectory);
  const result = renderMarkdown(markdown, {
    idPrefix: "h-",
    permalinks: true,
    maxMentions: MANUAL_MAX_MENTIONS,
    resolveLink: resolvers.resolveLink,
    resolveImage: resolvers.resolveImage,
  });
  if (!result.ok) throw new Error(result.error.message);
  return {
    html: result.html,
    toc: result.toc,
    headings: result.headings,
    brokenLinks: result.links.broken,
    anchors: resolvers.anchors,
  };
}
