export {
  ADMONITION_KINDS,
  type AdmonitionKind,
  admonitionTitle,
  DEFAULT_ADMONITION_TITLES,
} from "./admonitions.js";
export {
  countChanges,
  DEFAULT_DIFF_CONTEXT,
  type DiffHunk,
  type DiffLine,
  type DiffLineKind,
  type LineDiffOptions,
  lineDiff,
  renderDiffHtml,
} from "./diff-text.js";
export { escapeHtml } from "./escape-html.js";
export { FORBIDDEN_TAGS, findUnsafeMarkup, type InspectedElement, inspectHtml } from "./inspect-html.js";
export { COPY_BUTTON_HTML, fenceLanguage, highlightCode, renderCodeFigure } from "./highlight.js";
export {
  type ImageResolver,
  isAllowedImageUrl,
  isAllowedLinkUrl,
  isTrustedHost,
  type LinkReport,
  type LinkResolver,
  type ResolvedImage,
  type ResolvedLink,
  UNTRUSTED_REL,
} from "./link-policy.js";
export {
  COOPERATIVE_PREFIX,
  DEFAULT_MAX_MENTIONS,
  DEFAULT_MENTION_HREFS,
  type MentionHrefs,
  type MentionKind,
  type Mentions,
  matchMention,
} from "./mentions.js";
export { parseQuoteHeader, type QuoteAttribution } from "./quotes.js";
export {
  DEFAULT_ID_PREFIX,
  type RenderedMarkdown,
  type RenderErrorCode,
  type RenderFailure,
  type RenderMarkdownOptions,
  type RenderMarkdownResult,
  renderMarkdown,
} from "./render-markdown.js";
export { ALLOWED_CLASSES, ALLOWED_TAGS, SANITIZE_OPTIONS, sanitizeRenderedHtml } from "./sanitize.js";
export { buildToc, type Heading, slugifyHeading, TOC_LEVELS } from "./toc.js";
export { type XssPayload, XSS_CORPUS } from "./xss-corpus.js";
