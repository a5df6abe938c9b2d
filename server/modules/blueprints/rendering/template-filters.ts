import { TemplateError, type TemplatePosition } from "./template-error.js";
import { emitJson, emitYaml, type JsonValue, quoteYamlString } from "./yaml-emitter.js";

/** A value flowing through a filter chain; `undefined` only before `default`. */
export type FilterValue = JsonValue | undefined;

type FilterFunction = (
  value: FilterValue,
  args: ReadonlyArray<JsonValue>,
  position: TemplatePosition,
) => FilterValue;

const MAX_INDENT = 64;

function typeError(message: string, position: TemplatePosition): TemplateError {
  return new TemplateError("TYPE_MISMATCH", message, position);
}

function requireScalar(
  name: string,
  value: FilterValue,
  position: TemplatePosition,
): string | number | boolean {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw typeError(`| ${name} needs a string, number or boolean, got ${describe(value)}`, position);
}

function requireDefined(name: string, value: FilterValue, position: TemplatePosition): JsonValue {
  if (value === undefined) throw typeError(`| ${name} got no value`, position);
  return value;
}

/** Names a value's type for error messages without echoing (possibly secret) content. */
export function describe(value: FilterValue): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

const FILTERS: Record<string, { arity: number; apply: FilterFunction }> = {
  default: {
    arity: 1,
    apply: (value, [fallback]) => (value === undefined || value === null ? fallback : value),
  },
  yaml: { arity: 0, apply: (value, _args, position) => emitYaml(requireDefined("yaml", value, position)) },
  json: { arity: 0, apply: (value, _args, position) => emitJson(requireDefined("json", value, position)) },
  quote: {
    arity: 0,
    apply: (value, _args, position) => quoteYamlString(String(requireScalar("quote", value, position))),
  },
  shellquote: {
    arity: 0,
    // Single quotes stop every shell expansion; an embedded quote is closed, escaped, reopened.
    apply: (value, _args, position) =>
      `'${String(requireScalar("shellquote", value, position)).replace(/'/g, "'\\''")}'`,
  },
  base64: {
    arity: 0,
    apply: (value, _args, position) =>
      Buffer.from(String(requireScalar("base64", value, position)), "utf8").toString("base64"),
  },
  indent: {
    arity: 1,
    apply: (value, [width], position) => {
      if (typeof value !== "string") throw typeError(`| indent needs text, got ${describe(value)}`, position);
      if (typeof width !== "number" || !Number.isInteger(width) || width < 0 || width > MAX_INDENT) {
        throw typeError(`| indent takes a whole number from 0 to ${MAX_INDENT}`, position);
      }
      // The first line sits where the tag is; only the following lines need the indentation.
      const padding = " ".repeat(width);
      return value.replace(/\n(?!\n|$)/g, `\n${padding}`);
    },
  },
};

/** Names of the filters the template language knows. */
export const FILTER_NAMES = Object.keys(FILTERS).sort();

/** Number of arguments a filter takes, or undefined for an unknown filter. */
export function filterArity(name: string): number | undefined {
  return Object.hasOwn(FILTERS, name) ? FILTERS[name].arity : undefined;
}

/** Applies one filter. The name was checked at parse time. */
export function applyFilter(
  name: string,
  value: FilterValue,
  args: ReadonlyArray<JsonValue>,
  position: TemplatePosition,
): FilterValue {
  const filter = Object.hasOwn(FILTERS, name) ? FILTERS[name] : undefined;
  if (!filter) throw new TemplateError("TEMPLATE_SYNTAX", `unknown filter "${name}"`, position);
  return filter.apply(value, args, position);
}
