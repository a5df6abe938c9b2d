import { TemplateError, type TemplatePosition } from "./template-error.js";

/** A run of literal text. */
export interface TextToken {
  type: "text";
  value: string;
}

/** The inside of one `{{ ... }}` tag, classified by its first characters. */
export interface TagToken {
  type: "tag";
  kind: "output" | "open" | "else" | "close" | "comment";
  /** Block name for open/close tags (`if`, `unless`, `each`). */
  block: string;
  /** The expression text after the block name, or the whole output expression. */
  body: string;
  position: TemplatePosition;
}

/** What the lexer produces. */
export type TemplateToken = TextToken | TagToken;

const OPEN = "{{";
const CLOSE = "}}";

/**
 * Splits a template into text and tags, then removes "standalone" lines: a line holding only
 * a block tag or a comment (and whitespace) disappears with its line break, like Mustache, so
 * `{{#if}}` on its own line leaves no blank line in the YAML output.
 */
export function tokenizeTemplate(source: string, file: string): TemplateToken[] {
  const text = source.replace(/\r\n?/g, "\n");
  const tokens: TemplateToken[] = [];
  const locate = createLocator(text, file);
  let cursor = 0;
  while (cursor < text.length) {
    const start = text.indexOf(OPEN, cursor);
    if (start === -1) {
      tokens.push({ type: "text", value: text.slice(cursor) });
      break;
    }
    if (start > cursor) tokens.push({ type: "text", value: text.slice(cursor, start) });
    const position = locate(start);
    const end = text.indexOf(CLOSE, start + OPEN.length);
    if (end === -1) throw new TemplateError("TEMPLATE_SYNTAX", "unclosed {{ tag", position);
    tokens.push(classify(text.slice(start + OPEN.length, end), position));
    cursor = end + CLOSE.length;
  }
  return stripStandaloneLines(tokens);
}

/** Maps increasing offsets to line and column in one pass over the text (not quadratic). */
function createLocator(text: string, file: string): (offset: number) => TemplatePosition {
  let scanned = 0;
  let line = 1;
  let lineStart = 0;
  return (offset) => {
    for (; scanned < offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return { file, line, column: offset - lineStart + 1 };
  };
}

function classify(inner: string, position: TemplatePosition): TagToken {
  const content = inner.trim();
  if (content.startsWith("!")) return { type: "tag", kind: "comment", block: "", body: "", position };
  if (content === "else") return { type: "tag", kind: "else", block: "", body: "", position };
  const block = /^([#/])([a-z]+)(?:\s+([\s\S]*))?$/.exec(content);
  if (block) {
    return {
      type: "tag",
      kind: block[1] === "#" ? "open" : "close",
      block: block[2],
      body: (block[3] ?? "").trim(),
      position,
    };
  }
  if (content === "") throw new TemplateError("TEMPLATE_SYNTAX", "empty {{ }} tag", position);
  return { type: "tag", kind: "output", block: "", body: content, position };
}

function isStandaloneCandidate(token: TemplateToken | undefined): boolean {
  return token?.type === "tag" && token.kind !== "output";
}

function stripStandaloneLines(tokens: TemplateToken[]): TemplateToken[] {
  // Decide on the original text first, then trim, so adjacent standalone lines all go.
  const trimBefore = new Set<number>();
  const trimAfter = new Set<number>();
  tokens.forEach((token, index) => {
    if (!isStandaloneCandidate(token)) return;
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    const startsLine =
      previous === undefined ||
      (previous.type === "text" &&
        (/\n[ \t]*$/.test(previous.value) || (index === 1 && /^[ \t]*$/.test(previous.value))));
    const endsLine =
      next === undefined ||
      (next.type === "text" &&
        (/^[ \t]*\n/.test(next.value) || (index === tokens.length - 2 && /^[ \t]*$/.test(next.value))));
    if (startsLine && endsLine) {
      if (previous) trimAfter.add(index - 1);
      if (next) trimBefore.add(index + 1);
    }
  });
  return tokens.map((token, index) => {
    if (token.type !== "text") return token;
    let value = token.value;
    if (trimAfter.has(index)) value = value.replace(/[ \t]*$/, "");
    if (trimBefore.has(index)) value = value.replace(/^[ \t]*(\n|$)/, "");
    return { type: "text", value };
  });
}
