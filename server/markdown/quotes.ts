import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { escapeHtml } from "./escape-html.js";

/** Attribution parsed from a quote's first line. */
export interface QuoteAttribution {
  author?: string;
  postId?: string;
}

/**
 * The first line of a quote: `[!quote]`, `[!quote @ada]`, `[!quote @ada post:12]` or `[!quote post:12]`.
 * Plain Markdown text (no HTML), so it means nothing to the sanitiser and reads fine when shown raw.
 */
const QUOTE_HEADER =
  /^\[!quote(?:\s+@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?))?(?:\s+post:(\d{1,18}))?\s*\]\s*$/i;

/** Parses a quote header line, or returns undefined when the line is not one. */
export function parseQuoteHeader(line: string): QuoteAttribution | undefined {
  const match = QUOTE_HEADER.exec(line.trim());
  if (!match) return undefined;
  const attribution: QuoteAttribution = {};
  if (match[1] !== undefined) attribution.author = match[1];
  if (match[2] !== undefined) attribution.postId = match[2];
  return attribution;
}

function attribute(state: StateCore, index: number): void {
  const inline = state.tokens[index + 2];
  if (state.tokens[index + 1]?.type !== "paragraph_open" || inline?.type !== "inline") return;
  const [firstLine, ...rest] = inline.content.split("\n");
  const attribution = parseQuoteHeader(firstLine);
  if (attribution === undefined) return;
  const blockquote = state.tokens[index];
  blockquote.attrJoin("class", "quote");
  if (attribution.postId !== undefined) blockquote.attrSet("data-post", attribution.postId);
  const inserted: Token[] = [];
  if (attribution.author !== undefined) {
    const author = new state.Token("quote_author", "p", 0);
    author.content = attribution.author;
    author.block = true;
    inserted.push(author);
  }
  if (rest.length === 0) {
    // The header was the whole paragraph: drop paragraph_open, inline and paragraph_close.
    state.tokens.splice(index + 1, 3, ...inserted);
  } else {
    inline.content = rest.join("\n");
    state.tokens.splice(index + 1, 0, ...inserted);
  }
}

/**
 * markdown-it plugin: a blockquote whose first line is a quote header becomes
 * `<blockquote class="quote" data-post="12"><p class="quote-author">@ada</p>…</blockquote>`.
 * Runs before inline parsing so the author is not also counted as a mention (quoting is not notifying).
 */
export function quotesPlugin(md: MarkdownIt): void {
  md.core.ruler.before("inline", "quote_attribution", (state) => {
    for (let index = state.tokens.length - 1; index >= 0; index--) {
      if (state.tokens[index].type === "blockquote_open") attribute(state, index);
    }
  });
  md.renderer.rules.quote_author = (tokens, index) =>
    `<p class="quote-author">@${escapeHtml(tokens[index].content)}</p>\n`;
}
