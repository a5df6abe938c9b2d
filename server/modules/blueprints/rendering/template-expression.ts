import {
  type Expression,
  type FilterCall,
  type LiteralExpression,
  PATH_ROOTS,
  type PathExpression,
  type PathRoot,
} from "./template-ast.js";
import { TemplateError, type TemplatePosition } from "./template-error.js";
import { FILTER_NAMES, filterArity } from "./template-filters.js";

const WORD_PATTERN = /"(?:[^"\\]|\\.)*"|\||[^\s|"]+|"/g;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INDEX = /^(0|[1-9]\d{0,8})$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function syntaxError(message: string, position: TemplatePosition): TemplateError {
  return new TemplateError("TEMPLATE_SYNTAX", message, position);
}

/** Parses `values.a.0.b`, `this`, `@index`; anything else is a syntax error. */
export function parsePath(text: string, position: TemplatePosition): PathExpression {
  const [root, ...rest] = text.split(".");
  if (!(PATH_ROOTS as readonly string[]).includes(root)) {
    throw syntaxError(`"${text}" must start with one of ${PATH_ROOTS.join(", ")}`, position);
  }
  const pathRoot = root as PathRoot;
  if (pathRoot.startsWith("@") && rest.length > 0) throw syntaxError(`${root} has no fields`, position);
  const segments = rest.map((segment) => {
    if (INDEX.test(segment)) return Number(segment);
    if (IDENTIFIER.test(segment)) return segment;
    throw syntaxError(`"${segment}" in "${text}" is not a field name or list index`, position);
  });
  return { type: "path", root: pathRoot, segments, text };
}

function parseLiteral(word: string, position: TemplatePosition): LiteralExpression | undefined {
  if (word.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(word);
      if (typeof value === "string") return { type: "literal", value };
    } catch {
      // Falls through to the syntax error below.
    }
    throw syntaxError(`bad string literal ${word}`, position);
  }
  if (word === "true" || word === "false") return { type: "literal", value: word === "true" };
  if (word === "null") return { type: "literal", value: null };
  if (NUMBER.test(word)) return { type: "literal", value: Number(word) };
  return undefined;
}

/** Parses the body of an output tag: an expression followed by `| filter arg...` steps. */
export function parseOutputExpression(
  body: string,
  position: TemplatePosition,
): { expression: Expression; filters: FilterCall[] } {
  const words = body.match(WORD_PATTERN) ?? [];
  const groups: string[][] = [[]];
  for (const word of words) {
    if (word === "|") groups.push([]);
    else groups[groups.length - 1].push(word);
  }
  const [head, ...filterGroups] = groups;
  if (head.length !== 1) throw syntaxError(`expected one value before any filter in "${body}"`, position);
  const expression = parseLiteral(head[0], position) ?? parsePath(head[0], position);
  const filters = filterGroups.map(([name, ...args]): FilterCall => {
    if (name === undefined) throw syntaxError(`empty filter in "${body}"`, position);
    const arity = filterArity(name);
    if (arity === undefined) {
      throw syntaxError(`unknown filter "${name}" (known: ${FILTER_NAMES.join(", ")})`, position);
    }
    if (args.length !== arity) throw syntaxError(`| ${name} takes ${arity} argument(s)`, position);
    const literals = args.map((arg) => {
      const literal = parseLiteral(arg, position);
      if (!literal)
        throw syntaxError(`filter argument ${arg} must be a string, number, boolean or null`, position);
      return literal;
    });
    return { name, args: literals, position };
  });
  return { expression, filters };
}
