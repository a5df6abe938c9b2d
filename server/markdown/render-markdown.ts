import MarkdownItConstructor, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import { admonitionsPlugin } from "./admonitions.js";
import { highlightPlugin } from "./highlight.js";
import { applyLinkPolicy, type LinkPolicyOptions, type LinkReport, linkPolicyPlugin } from "./link-policy.js";
import {
  collectMentions,
  countMentions,
  DEFAULT_MAX_MENTIONS,
  type MentionHrefs,
  type Mentions,
  mentionsPlugin,
} from "./mentions.js";
import { quotesPlugin } from "./quotes.js";
import { sanitizeRenderedHtml } from "./sanitize.js";
import { alignTableCellsWithClasses } from "./tables.js";
import { buildToc, collectHeadings, type Heading, headingText, slugifyHeading, TOC_LEVELS } from "./toc.js";

/** Options of {@link renderMarkdown}. All optional; the defaults suit forum posts. */
export interface RenderMarkdownOptions extends LinkPolicyOptions {
  /** Prefix of every heading id, so user headings cannot clobber page ids (default `h-`). */
  idPrefix?: string;
  /** Adds an accessible `#` permalink after each heading (default false: manuals turn it on). */
  permalinks?: boolean;
  /** Turns single newlines into `<br>` (default false). */
  breaks?: boolean;
  /** Maximum distinct mentions (people plus cooperatives); more gives a `TOO_MANY_MENTIONS` error (default 10). */
  maxMentions?: number;
  /** Where mentions link to (default `/people/<handle>` and `/cooperatives/<slug>`). */
  mentionHrefs?: MentionHrefs;
  /** Heading levels in the table of contents (default h2 and h3). */
  tocLevels?: readonly number[];
}

/** A rendered document: sanitised HTML plus what the hub stores beside it. */
export interface RenderedMarkdown {
  ok: true;
  html: string;
  /** The h2/h3 headings, for a table of contents. */
  toc: Heading[];
  /** Every heading with its id, e.g. to check `page.md#anchor` links. */
  headings: Heading[];
  mentions: Mentions;
  links: LinkReport;
}

/** Stable error codes of {@link renderMarkdown}; the only way it fails on user input. */
export type RenderErrorCode = "TOO_MANY_MENTIONS";

/** Why a document was refused; returned, not thrown, so the forum can show it next to the editor. */
export interface RenderFailure {
  ok: false;
  error: { code: RenderErrorCode; message: string; limit: number; count: number };
}

/** The outcome of {@link renderMarkdown}. */
export type RenderMarkdownResult = RenderedMarkdown | RenderFailure;

/** Default heading id prefix. */
export const DEFAULT_ID_PREFIX = "h-";

interface ParserSettings {
  idPrefix: string;
  permalinks: boolean;
  breaks: boolean;
}

function createParser(settings: ParserSettings): MarkdownIt {
  const md = new MarkdownItConstructor({
    html: false,
    linkify: true,
    typographer: false,
    breaks: settings.breaks,
  });
  md.use(linkPolicyPlugin);
  md.use(mentionsPlugin);
  md.use(quotesPlugin);
  md.use(admonitionsPlugin);
  md.use(highlightPlugin);
  md.use(anchor, {
    level: [1, 2, 3, 4, 5, 6],
    slugify: (text: string) => settings.idPrefix + slugifyHeading(text),
    getTokensText: headingText,
    tabIndex: false,
    permalink: settings.permalinks
      ? anchor.permalink.linkAfterHeader({
          style: "visually-hidden",
          assistiveText: (title: string) => `Permalink to “${title.trim()}”`,
          visuallyHiddenClass: "visually-hidden",
          class: "header-anchor",
          symbol: "#",
        })
      : undefined,
  });
  return md;
}

// Building a parser costs far more than a render, so parsers are kept per setting combination. Per-document
// inputs (resolvers, trusted hosts) are applied to the tokens instead, which keeps this cache tiny.
const PARSERS = new Map<string, MarkdownIt>();
const MAX_CACHED_PARSERS = 32;

function parserFor(settings: ParserSettings): MarkdownIt {
  const key = JSON.stringify([settings.idPrefix, settings.permalinks, settings.breaks]);
  let md = PARSERS.get(key);
  if (md === undefined) {
    if (PARSERS.size >= MAX_CACHED_PARSERS) PARSERS.clear();
    md = createParser(settings);
    PARSERS.set(key, md);
  }
  return md;
}

/**
 * Renders Markdown to sanitised HTML with raw HTML off. Pure and deterministic: the same source and options
 * always give the same result, so the output can be rendered once at write time and stored.
 */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderMarkdownResult {
  const idPrefix = options.idPrefix ?? DEFAULT_ID_PREFIX;
  const md = parserFor({
    idPrefix,
    permalinks: options.permalinks ?? false,
    breaks: options.breaks ?? false,
  });
  const env = {};
  const tokens = md.parse(source, env);

  const mentions = collectMentions(tokens, options.mentionHrefs);
  const limit = options.maxMentions ?? DEFAULT_MAX_MENTIONS;
  const count = countMentions(mentions);
  if (count > limit) {
    const message = `A post may mention at most ${limit} people or cooperatives; this one mentions ${count}.`;
    return { ok: false, error: { code: "TOO_MANY_MENTIONS", message, limit, count } };
  }

  const headings = collectHeadings(tokens);
  const anchors = { ids: new Set(headings.map((heading) => heading.id)), prefix: idPrefix };
  const links = applyLinkPolicy(tokens, options, anchors);
  alignTableCellsWithClasses(tokens);
  const html = sanitizeRenderedHtml(md.renderer.render(tokens, md.options, env));
  return {
    ok: true,
    html,
    toc: buildToc(headings, options.tocLevels ?? TOC_LEVELS),
    headings,
    mentions,
    links,
  };
}
