import { badUserInput, type FieldProblem } from "../../errors.js";
import type { SearchDocumentType, SearchFilters, SearchListFilters } from "./core/parsed-search-query.js";
import { parseIsoDay, searchTypeFromWord } from "./core/query-operators.js";
import { codePointLength, foldCase, MAX_WORD_LENGTH, toSlugValue } from "./core/search-text.js";

/** The `filters` argument of `search` as GraphQL delivers it. */
export interface SearchFiltersArgument {
  type?: readonly string[] | null;
  category?: readonly string[] | null;
  tag?: readonly string[] | null;
  cooperative?: readonly string[] | null;
  release?: readonly string[] | null;
  status?: string | null;
  author?: readonly string[] | null;
  before?: string | null;
  after?: string | null;
  inTitle?: boolean | null;
}

/** More values than anyone clicks; keeps the filter expression small. */
const MAX_VALUES = 20;

const SLUG_LISTS: Array<[keyof SearchFiltersArgument, Exclude<keyof SearchListFilters, "type">]> = [
  ["category", "category"],
  ["tag", "tag"],
  ["cooperative", "cooperative"],
  ["release", "release"],
  ["author", "person"],
];

/**
 * Validates the API's structured filters into the parser's form (lower-case slugs, document types, UTC days).
 * Unlike operators typed into the box, which are ignored with a notice, a bad argument is a caller's bug:
 * BAD_USER_INPUT naming every bad field (`filters.type`...).
 */
export function toSearchFilters(argument: SearchFiltersArgument | null | undefined): SearchFilters {
  if (!argument) return {};
  const problems: FieldProblem[] = [];
  const filters: SearchFilters = {};
  const listOf = (name: keyof SearchFiltersArgument): string[] | undefined => {
    const values = argument[name] as readonly string[] | null | undefined;
    if (!values?.length) return undefined;
    if (values.length > MAX_VALUES)
      problems.push({ field: `filters.${name}`, message: `At most ${MAX_VALUES} values.` });
    const bad = values.find((value) => value.trim() === "" || codePointLength(value) > MAX_WORD_LENGTH);
    if (bad !== undefined) {
      problems.push({
        field: `filters.${name}`,
        message: `Values must be 1 to ${MAX_WORD_LENGTH} characters.`,
      });
    }
    return values.map((value) => value.trim());
  };
  const types = listOf("type");
  if (types) {
    const known = types.map(searchTypeFromWord);
    const unknown = types.filter((_, index) => known[index] === undefined);
    if (unknown.length > 0) {
      problems.push({
        field: "filters.type",
        message: `Unknown type ${unknown.map((value) => `"${value}"`).join(", ")}: use post, topic, manual, blueprint or cluster.`,
      });
    } else {
      filters.type = [...new Set(known as SearchDocumentType[])];
    }
  }
  for (const [name, filter] of SLUG_LISTS) {
    const values = listOf(name);
    if (values) filters[filter] = [...new Set(values.map((value) => toSlugValue(value.replace(/^@/u, ""))))];
  }
  if (argument.status) {
    const status = foldCase(argument.status.trim());
    if (status === "solved" || status === "unsolved") filters.status = status;
    else problems.push({ field: "filters.status", message: "Use solved or unsolved." });
  }
  for (const name of ["before", "after"] as const) {
    const value = argument[name];
    if (!value) continue;
    const day = parseIsoDay(value.trim());
    if (day) filters[name] = day;
    else problems.push({ field: `filters.${name}`, message: "Use a day like 2026-05-31." });
  }
  if (argument.inTitle) filters.inTitle = true;
  if (problems.length > 0) {
    throw badUserInput(
      `Invalid search filters: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ")}`,
      problems,
    );
  }
  return filters;
}
