import type { MarkdownIt, StateInline, Token } from "markdown-it";
import { escapeHtml } from "./escape-html.js";
import { tokenAttribute } from "./token-attribute.js";

/** What a mention points at. */
export type MentionKind = "person" | "cooperative";

/** The people and cooperatives a document mentions, lower case, each once, in order of first appearance. */
export interface Mentions {
  people: string[];
  cooperatives: string[];
}

/** Builds the hub URL a mention links to. */
export interface MentionHrefs {
  person: (handle: string) => string;
  cooperative: (slug: string) => string;
}

/** Default mention targets; the web app can pass its own routes. */
export const DEFAULT_MENTION_HREFS: MentionHrefs = {
  person: (handle) => `/people/${encodeURIComponent(handle)}`,
  cooperative: (slug) => `/cooperatives/${encodeURIComponent(slug)}`,
};

/** Default cap on distinct mentions per document (Discourse's `max_mentions_per_post` is also 10). */
export const DEFAULT_MAX_MENTIONS = 10;

/** Prefix that turns a mention into a cooperative mention: `@coop:slug`. The handle `coop` is thus reserved. */
export const COOPERATIVE_PREFIX = "coop:";

// Handles: letters, digits, `_`, `.`, `-`, 1-40 characters, not ending in `.` or `-` so "thanks @ada." works.
// Sticky (`y`) patterns match at `lastIndex` without slicing the source, which keeps many mentions linear.
const PERSON_PATTERN = /@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?)/y;
// Cooperative slugs: lower-case letters, digits and inner dashes, like the slugs the hub stores.
const COOPERATIVE_PATTERN = /@coop:([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)/y;
// A mention must not continue a word, an e-mail address or a URL path ("ada@example.org", "/@ada").
const BLOCKED_BEFORE = /[A-Za-z0-9_@/.+-]/;
const AT_SIGN = 0x40;

/** A mention found at `start` in `text` (at its beginning by default), or undefined. */
export function matchMention(
  text: string,
  start = 0,
): { kind: MentionKind; name: string; markup: string } | undefined {
  COOPERATIVE_PATTERN.lastIndex = start;
  const cooperative = COOPERATIVE_PATTERN.exec(text);
  if (cooperative) return { kind: "cooperative", name: cooperative[1].toLowerCase(), markup: cooperative[0] };
  PERSON_PATTERN.lastIndex = start;
  const person = PERSON_PATTERN.exec(text);
  if (person) return { kind: "person", name: person[1].toLowerCase(), markup: person[0] };
  return undefined;
}

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== AT_SIGN) return false;
  // Inside link text a mention would nest one <a> in another.
  if (state.linkLevel > 0) return false;
  const previous = state.pos > 0 ? state.src[state.pos - 1] : "";
  if (previous !== "" && BLOCKED_BEFORE.test(previous)) return false;
  const found = matchMention(state.src, state.pos);
  if (!found || state.pos + found.markup.length > state.posMax) return false;
  if (!silent) {
    const token = state.push("mention", "a", 0);
    token.content = found.name;
    token.markup = found.markup;
    token.meta = { kind: found.kind };
  }
  state.pos += found.markup.length;
  return true;
}

function mentionKind(token: Token): MentionKind {
  const meta: unknown = token.meta;
  const isCooperative =
    typeof meta === "object" && meta !== null && "kind" in meta && meta.kind === "cooperative";
  return isCooperative ? "cooperative" : "person";
}

/** markdown-it plugin: parses `@handle` and `@coop:slug` into `mention` tokens and renders them as links. */
export function mentionsPlugin(md: MarkdownIt): void {
  md.inline.ruler.after("emphasis", "mention", mentionRule);
  md.renderer.rules.mention = (tokens, index) => {
    const token = tokens[index];
    const kind = mentionKind(token);
    const href = tokenAttribute(token, "href");
    const label = escapeHtml(token.markup);
    if (href === undefined) return `<span class="mention mention-${kind}">${label}</span>`;
    return `<a class="mention mention-${kind}" href="${escapeHtml(href)}">${label}</a>`;
  };
}

/**
 * Lists the distinct mentions in parsed tokens and sets each mention token's link target.
 * Runs after parsing (not inside the inline rule) because markdown-it also runs inline rules in "silent"
 * look-ahead mode, which would count some mentions twice.
 */
export function collectMentions(
  tokens: readonly Token[],
  hrefs: MentionHrefs = DEFAULT_MENTION_HREFS,
): Mentions {
  const people = new Set<string>();
  const cooperatives = new Set<string>();
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      if (token.type !== "mention") continue;
      const kind = mentionKind(token);
      (kind === "person" ? people : cooperatives).add(token.content);
      token.attrSet(
        "href",
        kind === "person" ? hrefs.person(token.content) : hrefs.cooperative(token.content),
      );
    }
  }
  return { people: [...people], cooperatives: [...cooperatives] };
}

/** Number of distinct people and cooperatives mentioned: what the mention limit counts. */
export function countMentions(mentions: Mentions): number {
  return mentions.people.length + mentions.cooperatives.length;
}
