import { structuredPatch } from "diff";
import { escapeHtml } from "./escape-html.js";

/** Whether a line is shared by both versions, only in the new one, or only in the old one. */
export type DiffLineKind = "context" | "added" | "removed";

/** One line of a hunk with its line numbers (1-based) in the old and new text; null where it does not exist. */
export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  oldNumber: number | null;
  newNumber: number | null;
}

/**
 * A run of changes with surrounding context, as in a unified diff. Starts are 1-based; when one side has no lines
 * its start is where they would be (jsdiff 9's convention; the rendered `@@` header uses the unified one).
 */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

/** Options of {@link lineDiff}. */
export interface LineDiffOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
}

/** Default number of context lines, as in `git diff`. */
export const DEFAULT_DIFF_CONTEXT = 3;

// Windows line endings and a missing final newline are not edits anyone means to make in a post or a manual page,
// so both texts are normalised first; this also keeps jsdiff's "\ No newline at end of file" markers out.
function normalise(text: string): string {
  const unix = text.replace(/\r\n?/g, "\n");
  return unix === "" || unix.endsWith("\n") ? unix : `${unix}\n`;
}

const LINE_KINDS: Record<string, DiffLineKind | undefined> = { " ": "context", "+": "added", "-": "removed" };

/** Line-by-line diff of two texts as hunks (used for post edit history and manual revision diffs). */
export function lineDiff(before: string, after: string, options: LineDiffOptions = {}): DiffHunk[] {
  const patch = structuredPatch(
    "before",
    "after",
    normalise(before),
    normalise(after),
    undefined,
    undefined,
    {
      context: options.context ?? DEFAULT_DIFF_CONTEXT,
    },
  );
  return patch.hunks.map((hunk) => {
    let oldNumber = hunk.oldStart;
    let newNumber = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const line of hunk.lines) {
      const kind = LINE_KINDS[line[0] ?? ""];
      if (kind === undefined) continue;
      const text = line.slice(1);
      if (kind === "context") lines.push({ kind, text, oldNumber: oldNumber++, newNumber: newNumber++ });
      if (kind === "removed") lines.push({ kind, text, oldNumber: oldNumber++, newNumber: null });
      if (kind === "added") lines.push({ kind, text, oldNumber: null, newNumber: newNumber++ });
    }
    return { ...hunk, lines };
  });
}

/** Lines added and removed over all hunks, for a "+12 −3" summary. */
export function countChanges(hunks: readonly DiffHunk[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of hunks.flatMap((hunk) => hunk.lines)) {
    if (line.kind === "added") added++;
    if (line.kind === "removed") removed++;
  }
  return { added, removed };
}

const LINE_MARKERS: Record<DiffLineKind, string> = { context: " ", added: "+", removed: "-" };

function renderLine(line: DiffLine): string {
  const text = escapeHtml(line.text);
  const content =
    line.kind === "added" ? `<ins>${text}</ins>` : line.kind === "removed" ? `<del>${text}</del>` : text;
  return (
    `<tr class="diff-line diff-${line.kind}">` +
    `<td class="diff-old-number">${line.oldNumber ?? ""}</td>` +
    `<td class="diff-new-number">${line.newNumber ?? ""}</td>` +
    `<td class="diff-marker">${LINE_MARKERS[line.kind]}</td>` +
    `<td class="diff-text">${content}</td></tr>`
  );
}

// Unified diffs number an empty side by the line before it ("@@ -0,0 +1,1 @@"), as jsdiff's formatPatch does.
function hunkHeader(hunk: DiffHunk): string {
  const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
  const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
  return `@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`;
}

/**
 * Renders hunks as an HTML table; every piece of text is escaped, so a diff of hostile Markdown is inert.
 * No changes render as `<p class="diff-empty">No changes</p>`.
 */
export function renderDiffHtml(hunks: readonly DiffHunk[]): string {
  if (hunks.length === 0) return '<p class="diff-empty">No changes</p>\n';
  const bodies = hunks.map(
    (hunk) =>
      `<tbody class="diff-hunk"><tr class="diff-hunk-header"><th colspan="4">${hunkHeader(hunk)}</th></tr>\n` +
      `${hunk.lines.map(renderLine).join("\n")}\n</tbody>`,
  );
  return `<table class="diff">\n${bodies.join("\n")}\n</table>\n`;
}
