import type { MarkdownIt } from "markdown-it";
import container from "markdown-it-container";
import { escapeHtml } from "./escape-html.js";

/** The admonition kinds, written `::: warning Optional title` … `:::`. */
export const ADMONITION_KINDS = ["note", "tip", "warning", "danger"] as const;

/** One admonition kind. */
export type AdmonitionKind = (typeof ADMONITION_KINDS)[number];

/** Title shown when the author gives none. */
export const DEFAULT_ADMONITION_TITLES: Record<AdmonitionKind, string> = {
  note: "Note",
  tip: "Tip",
  warning: "Warning",
  danger: "Danger",
};

/** The title after the kind on the opening line, or the default title of the kind. */
export function admonitionTitle(kind: AdmonitionKind, info: string): string {
  const title = info.trim().slice(kind.length).trim();
  return title === "" ? DEFAULT_ADMONITION_TITLES[kind] : title;
}

/**
 * markdown-it plugin: `::: note|tip|warning|danger [title]` blocks become
 * `<aside class="admonition warning" role="note"><p class="admonition-title">Title</p>…</aside>`.
 * The title is plain text (escaped), so it cannot carry links or mentions.
 */
export function admonitionsPlugin(md: MarkdownIt): void {
  for (const kind of ADMONITION_KINDS) {
    md.use(container, kind, {
      validate: (params: string) => params.trim().split(/\s+/, 1)[0]?.toLowerCase() === kind,
      render: (tokens: { info: string; nesting: number }[], index: number) => {
        const token = tokens[index];
        if (token.nesting !== 1) return "</aside>\n";
        const title = escapeHtml(admonitionTitle(kind, token.info));
        return `<aside class="admonition ${kind}" role="note"><p class="admonition-title">${title}</p>\n`;
      },
    });
  }
}
