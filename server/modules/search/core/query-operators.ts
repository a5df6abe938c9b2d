import type { ParsedSearchQuery, SearchDocumentType, SearchListFilters } from "./parsed-search-query.js";
import { codePointLength, foldCase, MAX_WORD_LENGTH, toSlugValue } from "./search-text.js";

/** Words a person may type after `type:`, mapped to document types. */
const TYPE_ALIASES: ReadonlyMap<string, SearchDocumentType> = new Map([
  ["post", "post"],
  ["posts", "post"],
  ["topic", "topic"],
  ["topics", "topic"],
  ["manual", "manual_page"],
  ["manuals", "manual_page"],
  ["manual_page", "manual_page"],
  ["manual-page", "manual_page"],
  ["page", "manual_page"],
  ["pages", "manual_page"],
  ["blueprint", "blueprint"],
  ["blueprints", "blueprint"],
  ["cluster", "cluster"],
  ["clusters", "cluster"],
]);

/**
 * Operator names (lower case) that fill a slug list, with the filter they fill. A Map rather than an object
 * literal so names like `constructor:` or `__proto__:` cannot reach the prototype.
 */
const LIST_OPERATORS: ReadonlyMap<string, Exclude<keyof SearchListFilters, "type" | "person">> = new Map([
  ["category", "category"],
  ["tag", "tag"],
  ["coop", "cooperative"],
  ["cooperative", "cooperative"],
  ["release", "release"],
]);

/** The document type a word names (`manual`, `posts`, `MANUAL_PAGE`...), as `type:` reads it; undefined if none. */
export function searchTypeFromWord(word: string): SearchDocumentType | undefined {
  return TYPE_ALIASES.get(foldCase(word.trim()));
}

const OTHER_OPERATORS = new Set(["type", "status", "in", "before", "after"]);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** A `name:value` operator as the tokenizer found it. */
export interface OperatorToken {
  name: string;
  value: string;
  negated: boolean;
  /** The value was quoted, so commas are part of it rather than separating values. */
  quoted: boolean;
}

/** The operator names the parser understands (lower case). Anything else is searched as words. */
export function isKnownOperator(name: string): boolean {
  const folded = foldCase(name);
  return LIST_OPERATORS.has(folded) || OTHER_OPERATORS.has(folded);
}

/** Applies a known operator to the query being built, recording notices for values it cannot use. */
export function applyOperator(query: ParsedSearchQuery, token: OperatorToken): void {
  const name = foldCase(token.name);
  const values = splitValues(token);
  if (values.some((value) => codePointLength(value) > MAX_WORD_LENGTH)) {
    query.notices.push(`A "${name}:" value longer than ${MAX_WORD_LENGTH} characters was ignored.`);
    return;
  }
  if (values.length === 0) {
    query.notices.push(`"${name}:" needs a value, so it was ignored.`);
    return;
  }
  const target = token.negated ? query.excludedFilters : query.filters;
  if (name === "type") {
    addTypes(query, target, values);
    return;
  }
  const listFilter = LIST_OPERATORS.get(name);
  if (listFilter !== undefined) {
    target[listFilter] = addUnique(target[listFilter], values.map(toSlugValue));
    return;
  }
  if (token.negated) {
    query.notices.push(`"${name}:" cannot be negated, so "-${name}:${token.value}" was ignored.`);
    return;
  }
  applySingleValueOperator(query, name, foldCase(token.value.trim()));
}

/** Adds `@handle` to the person filter (or its negation). */
export function applyPerson(query: ParsedSearchQuery, handle: string, negated: boolean): void {
  const target = negated ? query.excludedFilters : query.filters;
  target.person = addUnique(target.person, [foldCase(handle)]);
}

function applySingleValueOperator(query: ParsedSearchQuery, name: string, value: string): void {
  if (name === "status") {
    if (value !== "solved" && value !== "unsolved") {
      query.notices.push(`"status:" takes solved or unsolved, so "status:${value}" was ignored.`);
      return;
    }
    if (query.filters.status !== undefined && query.filters.status !== value) {
      query.notices.push(`Both status:solved and status:unsolved were given; the last one is used.`);
    }
    query.filters.status = value;
    return;
  }
  if (name === "in") {
    if (value !== "title") {
      query.notices.push(`"in:" only supports in:title, so "in:${value}" was ignored.`);
      return;
    }
    query.filters.inTitle = true;
    return;
  }
  const day = parseIsoDay(value);
  if (day === undefined) {
    query.notices.push(`"${name}:${value}" is not a date like 2026-05-31, so it was ignored.`);
    return;
  }
  if (name === "before") query.filters.before = day;
  else query.filters.after = day;
}

/** Parses `YYYY-MM-DD` as UTC midnight, rejecting days that do not exist (2026-02-30). */
export function parseIsoDay(value: string): Date | undefined {
  const match = ISO_DAY.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? date : undefined;
}

function addTypes(query: ParsedSearchQuery, target: SearchListFilters, values: string[]): void {
  const types: SearchDocumentType[] = [];
  for (const value of values) {
    const type = TYPE_ALIASES.get(foldCase(value));
    if (type === undefined) {
      query.notices.push(
        `"type:${value}" is not a known type (post, topic, manual, blueprint, cluster), so it was ignored.`,
      );
    } else {
      types.push(type);
    }
  }
  if (types.length > 0) target.type = addUnique(target.type, types);
}

function splitValues(token: OperatorToken): string[] {
  const pieces = token.quoted ? [token.value] : token.value.split(",");
  return pieces.map((piece) => piece.trim().replace(/\s+/gu, " ")).filter((piece) => piece.length > 0);
}

function addUnique<T>(existing: T[] | undefined, additions: T[]): T[] {
  const result = [...(existing ?? [])];
  for (const addition of additions) {
    if (!result.includes(addition)) result.push(addition);
  }
  return result;
}
