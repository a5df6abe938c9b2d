import { escapeHtml } from "../../../markdown/escape-html.js";
/**
 * Highlight markers that cannot come from a person: ASCII STX/ETX. Backends wrap matches in these
 * (ts_headline `StartSel`/`StopSel`, Meilisearch `highlightPreTag`/`highlightPostTag`), and only after escaping
 * everything else do they become `<mark>` tags, so HTML in a post can never reach the page as markup.
 */
export const HIGHLIGHT_START = "\u0002";
/** Closes a highlight; see `HIGHLIGHT_START`. */
export const HIGHLIGHT_STOP = "\u0003";

/** Options for PostgreSQL `ts_headline`; pass as a query parameter. */
export const PG_HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** Meilisearch search parameters that make `_formatted` use the same markers. */
export const MEILI_HIGHLIGHT_OPTIONS = {
  highlightPreTag: HIGHLIGHT_START,
  highlightPostTag: HIGHLIGHT_STOP,
} as const;

/** Pair of strings that open and close a highlight inside backend output. */
export interface HighlightMarkers {
  start: string;
  stop: string;
}

const DEFAULT_MARKERS: HighlightMarkers = { start: HIGHLIGHT_START, stop: HIGHLIGHT_STOP };

/** Control characters other than tab and newline are dropped from snippets; they only confuse browsers. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n]/gu;

export { escapeHtml };

/** Removes the highlight markers from text before indexing, so a post cannot fake or unbalance highlights. */
export function stripHighlightMarkers(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_STOP, "");
}

/**
 * Turns marker-highlighted backend output (ts_headline or Meilisearch `_formatted`) into safe HTML: every
 * character is escaped and markers become `<mark>`/`</mark>`. Tags always balance: a stray stop is dropped, a
 * nested start is ignored and an open highlight is closed at the end.
 */
export function highlightedTextToSafeHtml(text: string, markers: HighlightMarkers = DEFAULT_MARKERS): string {
  if (markers.start.length === 0 || markers.stop.length === 0 || markers.start === markers.stop) {
    throw new RangeError("highlight markers must be two different non-empty strings");
  }
  let html = "";
  let open = false;
  let position = 0;
  while (position < text.length) {
    const nextStart = text.indexOf(markers.start, position);
    const nextStop = text.indexOf(markers.stop, position);
    const next = nearest(nextStart, nextStop);
    if (next === -1) {
      html += escapeSnippetText(text.slice(position));
      break;
    }
    html += escapeSnippetText(text.slice(position, next));
    // When one marker is a prefix of the other (`<em>` / `<em/>`), both match here; the longer one is meant.
    const isStart =
      next === nextStart && (nextStop !== nextStart || markers.start.length >= markers.stop.length);
    if (isStart && !open) html += "<mark>";
    if (!isStart && open) html += "</mark>";
    if (isStart) open = true;
    else open = false;
    position = next + (isStart ? markers.start.length : markers.stop.length);
  }
  return open ? `${html}</mark>` : html;
}

/** A plain snippet (no highlight) of at most `maxCharacters`, cut at a word boundary with an ellipsis. */
export function plainSnippetHtml(text: string, maxCharacters = 200): string {
  const collapsed = text.replace(/\s+/gu, " ").trim();
  const characters = [...collapsed];
  if (characters.length <= maxCharacters) return escapeSnippetText(collapsed);
  const cut = characters.slice(0, maxCharacters).join("");
  const lastSpace = cut.lastIndexOf(" ");
  return `${escapeSnippetText(lastSpace > 0 ? cut.slice(0, lastSpace) : cut)} …`;
}

function escapeSnippetText(text: string): string {
  return escapeHtml(text.replace(CONTROL_CHARACTERS, ""));
}

function nearest(first: number, second: number): number {
  if (first === -1) return second;
  if (second === -1) return first;
  return Math.min(first, second);
}
