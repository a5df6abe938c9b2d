import hljs from "highlight.js/lib/common";
import type { MarkdownIt } from "markdown-it";
import { escapeHtml } from "./escape-html.js";

/** The copy button the web app wires up; rendered here so stored HTML needs no client-side rewriting. */
export const COPY_BUTTON_HTML = '<button type="button" class="copy-code" data-copy>Copy</button>';

/**
 * The registered highlight.js language a fence's info string names (`ts`, `yaml title="x"`), or undefined.
 * Only highlight.js's "common" bundle is registered, which keeps the server bundle small.
 */
export function fenceLanguage(info: string): string | undefined {
  const name = info.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (name === "" || hljs.getLanguage(name) === undefined) return undefined;
  return name;
}

/**
 * Highlights code on the server; unknown or missing languages give escaped plain text.
 * highlight.js escapes the source itself and only adds `<span class="hljs-…">`.
 */
export function highlightCode(code: string, language: string | undefined): string {
  if (language === undefined) return escapeHtml(code);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

/** A code block as a figure with a copy button: `<figure class="code-block">…<pre><code>…</code></pre></figure>`. */
export function renderCodeFigure(code: string, info: string): string {
  const language = fenceLanguage(info);
  const codeClass = language === undefined ? "" : ` class="hljs language-${escapeHtml(language)}"`;
  return (
    `<figure class="code-block">${COPY_BUTTON_HTML}` +
    `<pre><code${codeClass}>${highlightCode(code, language)}</code></pre></figure>\n`
  );
}

/** markdown-it plugin: fenced and indented code blocks become highlighted figures with a copy button. */
export function highlightPlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, index) => renderCodeFigure(tokens[index].content, tokens[index].info);
  md.renderer.rules.code_block = (tokens, index) => renderCodeFigure(tokens[index].content, "");
}
