/** Straight and typographic double quotes all open or close a phrase, so pasted text works. */
const QUOTE_CHARACTERS = new Set(['"', "\u201C", "\u201D", "\u201E"]);

const WHITESPACE = /\s/u;

/** An operator name is letters only (`tag`, `in`, `before`), so `::` or `12:30` are never operators. */
const OPERATOR_TOKEN = /^(\p{L}+):(.*)$/su;

/** One piece of a query, before any meaning is given to operator names. */
export type QueryToken =
  | { kind: "word"; negated: boolean; text: string }
  | { kind: "phrase"; negated: boolean; text: string }
  | { kind: "operator"; negated: boolean; name: string; value: string; quoted: boolean; text: string };

/** The tokens of a query plus notices about quotes that did not close. */
export interface TokenizedQuery {
  tokens: QueryToken[];
  notices: string[];
}

/**
 * Splits a raw query into words, quoted phrases and `name:value` operators (value possibly quoted).
 * A leading `-` negates the token; a lone `-` is ignored. An unclosed quote is dropped with a notice and the
 * rest is read as ordinary words, because guessing where the phrase should end is worse than ignoring it.
 */
export function tokenizeQuery(raw: string): TokenizedQuery {
  const tokens: QueryToken[] = [];
  const notices: string[] = [];
  let position = 0;
  while (position < raw.length) {
    const character = raw[position];
    if (WHITESPACE.test(character)) {
      position += 1;
      continue;
    }
    let negated = false;
    if (character === "-") {
      const next = raw[position + 1];
      position += 1;
      if (next === undefined || WHITESPACE.test(next)) continue;
      negated = true;
    }
    if (QUOTE_CHARACTERS.has(raw[position])) {
      const closing = findQuote(raw, position + 1);
      if (closing === -1) {
        notices.push("A quote was not closed, so it was ignored.");
        position += 1;
        continue;
      }
      tokens.push({ kind: "phrase", negated, text: raw.slice(position + 1, closing) });
      position = closing + 1;
      continue;
    }
    const word = readWord(raw, position);
    tokens.push(classifyWord(word.text, word.quotedValue, negated));
    position = word.end;
  }
  return { tokens, notices };
}

function findQuote(raw: string, from: number): number {
  for (let index = from; index < raw.length; index += 1) {
    if (QUOTE_CHARACTERS.has(raw[index])) return index;
  }
  return -1;
}

/** Reads up to whitespace or a quote; `name:"quoted value"` is read whole when the quote closes. */
function readWord(raw: string, start: number): { text: string; end: number; quotedValue?: string } {
  let position = start;
  while (position < raw.length && !WHITESPACE.test(raw[position]) && !QUOTE_CHARACTERS.has(raw[position])) {
    position += 1;
  }
  const text = raw.slice(start, position);
  if (text.endsWith(":") && QUOTE_CHARACTERS.has(raw[position] ?? "") && OPERATOR_TOKEN.test(text)) {
    const closing = findQuote(raw, position + 1);
    if (closing !== -1) {
      return { text, end: closing + 1, quotedValue: raw.slice(position + 1, closing) };
    }
  }
  return { text, end: position };
}

function classifyWord(text: string, quotedValue: string | undefined, negated: boolean): QueryToken {
  const operator = OPERATOR_TOKEN.exec(text);
  if (operator === null) return { kind: "word", negated, text };
  const quoted = quotedValue !== undefined;
  const value = quotedValue ?? operator[2];
  return {
    kind: "operator",
    negated,
    name: operator[1],
    value,
    quoted,
    text: `${text}${quoted ? value : ""}`,
  };
}
