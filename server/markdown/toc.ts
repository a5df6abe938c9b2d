import type { Token } from "markdown-it";
import { tokenAttribute } from "./token-attribute.js";

/** One heading of a rendered document, with the id its anchor carries. */
export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** Heading levels that make up the table of contents (h1 is the page title, deeper levels are too fine). */
export const TOC_LEVELS: readonly number[] = [2, 3];

/** Used when a heading has no letters or digits at all (e.g. "## ???"), so every heading still gets an id. */
const FALLBACK_SLUG = "section";

/**
 * Turns heading text into a stable, URL-safe slug: lower case, accents removed, any run of characters other than
 * letters and digits collapsed into one dash. Unicode letters are kept so non-English headings stay readable.
 */
export function slugifyHeading(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? FALLBACK_SLUG : slug;
}

/**
 * The visible text of a heading's inline children. Mentions count as their written form so that
 * "## Thanks @ada" and its slug agree with what the reader sees.
 */
export function headingText(children: readonly Token[]): string {
  return children
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "mention") return child.markup;
      return "";
    })
    .join("")
    .trim();
}

/** Collects every heading that received an id, in document order. */
export function collectHeadings(tokens: readonly Token[]): Heading[] {
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const id = tokenAttribute(token, "id");
    if (id === undefined) return;
    const inline = tokens[index + 1];
    const text = inline?.type === "inline" ? headingText(inline.children ?? []) : "";
    headings.push({ level: Number(token.tag.slice(1)), id, text });
  });
  return headings;
}

/** The table of contents: the headings whose level is in `levels` (h2 and h3 by default). */
export function buildToc(headings: readonly Heading[], levels: readonly number[] = TOC_LEVELS): Heading[] {
  return headings.filter((heading) => levels.includes(heading.level));
}
