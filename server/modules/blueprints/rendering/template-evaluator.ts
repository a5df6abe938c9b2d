import type { CompiledTemplate, Expression, PathExpression, TemplateNode } from "./template-ast.js";
import { TemplateError, type TemplatePosition } from "./template-error.js";
import { applyFilter, describe, type FilterValue } from "./template-filters.js";
import type { JsonValue } from "./yaml-emitter.js";

/** What a template can read: the validated parameters and facts about the blueprint. */
export interface TemplateContext {
  values: { [key: string]: JsonValue };
  blueprint: { [key: string]: JsonValue };
}

/** Limits for one render; they keep a hostile template from exhausting memory. */
export interface RenderLimits {
  maxOutputLength: number;
}

/** Default limits: 4 Mi characters per rendered file. */
export const DEFAULT_RENDER_LIMITS: RenderLimits = { maxOutputLength: 4 * 1024 * 1024 };

interface LoopFrame {
  item: JsonValue;
  index: number;
  key: string | null;
  first: boolean;
  last: boolean;
}

/** Filters whose output is encoded for its destination and therefore never changes YAML structure. */
const ENCODING_FILTERS = new Set(["yaml", "json", "quote", "shellquote", "base64"]);
// Unencoded text may only hold characters that cannot start a comment, a flow collection, a
// quoted scalar, a new key or a new line, so a parameter can never change the document's shape.
const PLAIN_SAFE_TEXT = /^[A-Za-z0-9._:/@+=~%-]*$/;

const MISSING = Symbol("missing");

/**
 * Renders a compiled template. Every path must exist (a missing one is UNKNOWN_PATH unless the
 * first filter is `| default`); only own properties of plain data are read, so `constructor`
 * or `__proto__` are just unknown paths.
 */
export function renderTemplate(
  template: CompiledTemplate,
  context: TemplateContext,
  limits: RenderLimits = DEFAULT_RENDER_LIMITS,
): string {
  const chunks: string[] = [];
  let length = 0;
  const emit = (text: string, position: TemplatePosition): void => {
    length += text.length;
    if (length > limits.maxOutputLength) {
      throw new TemplateError(
        "OUTPUT_TOO_LARGE",
        `output exceeds ${limits.maxOutputLength} characters`,
        position,
      );
    }
    chunks.push(text);
  };
  const frames: LoopFrame[] = [];

  const resolve = (path: PathExpression, position: TemplatePosition): JsonValue | typeof MISSING => {
    const frame = frames[frames.length - 1];
    let current: JsonValue;
    switch (path.root) {
      case "values":
        current = context.values;
        break;
      case "blueprint":
        current = context.blueprint;
        break;
      default: {
        if (!frame)
          throw new TemplateError("UNKNOWN_PATH", `"${path.text}" is only defined inside #each`, position);
        if (path.root === "this") current = frame.item;
        else if (path.root === "@index") return frame.index;
        else if (path.root === "@key") return frame.key;
        else if (path.root === "@first") return frame.first;
        else return frame.last;
      }
    }
    for (const segment of path.segments) {
      if (Array.isArray(current) && typeof segment === "number" && segment < current.length) {
        current = current[segment];
      } else if (isObject(current) && Object.hasOwn(current, String(segment))) {
        current = current[String(segment)];
      } else {
        return MISSING;
      }
    }
    return current;
  };

  const resolveOrThrow = (path: PathExpression, position: TemplatePosition): JsonValue => {
    const value = resolve(path, position);
    if (value === MISSING) throw new TemplateError("UNKNOWN_PATH", `unknown path "${path.text}"`, position);
    return value;
  };

  const evaluateOutput = (node: Extract<TemplateNode, { type: "output" }>): string => {
    const { expression, filters, position } = node;
    let value: FilterValue = evaluate(expression, position, filters[0]?.name === "default");
    // A literal comes from the template author, not from parameters, so it needs no encoding.
    let encoded = expression.type === "literal";
    for (const filter of filters) {
      value = applyFilter(
        filter.name,
        value,
        filter.args.map((arg) => arg.value),
        filter.position,
      );
      if (ENCODING_FILTERS.has(filter.name)) encoded = true;
      else if (filter.name === "default") encoded = false;
    }
    return toText(value, encoded, expression, position);
  };

  const evaluate = (
    expression: Expression,
    position: TemplatePosition,
    mayBeMissing: boolean,
  ): FilterValue => {
    if (expression.type === "literal") return expression.value;
    const value = resolve(expression, position);
    if (value !== MISSING) return value;
    if (mayBeMissing) return undefined;
    throw new TemplateError("UNKNOWN_PATH", `unknown path "${expression.text}"`, position);
  };

  const walk = (nodes: readonly TemplateNode[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          emit(node.value, { file: template.file, line: 0, column: 0 });
          break;
        case "output":
          emit(evaluateOutput(node), node.position);
          break;
        case "if": {
          const truthy = isTruthy(resolveOrThrow(node.condition, node.position));
          walk(truthy !== node.negate ? node.whenTrue : node.whenFalse);
          break;
        }
        case "each": {
          const items = entriesOf(resolveOrThrow(node.list, node.position), node.list, node.position);
          if (items.length === 0) walk(node.otherwise);
          items.forEach(([key, item], index) => {
            frames.push({ item, index, key, first: index === 0, last: index === items.length - 1 });
            walk(node.body);
            frames.pop();
          });
          break;
        }
        default: {
          const unreachable: never = node;
          throw new Error(`Unknown template node ${JSON.stringify(unreachable)}`);
        }
      }
    }
  };

  walk(template.nodes);
  return chunks.join("");
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isTruthy(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return value !== false && value !== null && value !== "" && value !== 0;
}

function entriesOf(
  value: JsonValue,
  path: PathExpression,
  position: TemplatePosition,
): Array<[string | null, JsonValue]> {
  if (Array.isArray(value)) return value.map((item) => [null, item]);
  if (isObject(value)) {
    // Sorted keys keep output independent of the order parameters were written in.
    return Object.keys(value)
      .sort()
      .map((key) => [key, value[key]]);
  }
  throw new TemplateError(
    "TYPE_MISMATCH",
    `#each needs a list or object, "${path.text}" is ${describe(value)}`,
    position,
  );
}

function toText(
  value: FilterValue,
  encoded: boolean,
  expression: Expression,
  position: TemplatePosition,
): string {
  const name = expression.type === "path" ? `"${expression.text}"` : "the literal";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") {
    throw new TemplateError(
      "TYPE_MISMATCH",
      `${name} is ${describe(value)}; print it with | yaml or | json, or give a | default`,
      position,
    );
  }
  if (!encoded && !PLAIN_SAFE_TEXT.test(value)) {
    throw new TemplateError(
      "TYPE_MISMATCH",
      `${name} holds characters that are unsafe unquoted; use | quote, | yaml or | json`,
      position,
    );
  }
  return value;
}
