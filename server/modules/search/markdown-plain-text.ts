import MarkdownItConstructor, { type Token } from "markdown-it";

const parser = new MarkdownItConstructor({ html: true });

/** Admonition fences (`:::note Title`, `:::`) carry no searchable text of their own beyond the title. */
const ADMONITION_FENCE = /^:::\s*[\w-]*\s*/u;

function inlineText(children: Token[] | null): string {
  let text = "";
  for (const child of children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "image") text += inlineText(child.children);
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text;
}

/**
 * The readable text of Markdown for search: paragraphs, headings, list items, table cells and code, one block a
 * line, without markup, link targets or raw HTML. Never renders HTML, so nothing needs escaping afterwards.
 */
export function markdownPlainText(markdown: string): string {
  const source = markdown
    .split("\n")
    .map((line) => line.replace(ADMONITION_FENCE, ""))
    .join("\n");
  const blocks: string[] = [];
  for (const token of parser.parse(source, {})) {
    if (token.type === "inline") blocks.push(inlineText(token.children));
    else if (token.type === "fence" || token.type === "code_block") blocks.push(token.content.trimEnd());
  }
  return blocks
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .join("\n");
}
