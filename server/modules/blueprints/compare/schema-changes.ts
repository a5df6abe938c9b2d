import { toJsonPointer } from "../format/blueprint-problem.js";

export type SchemaChangeKind = "added" | "removed" | "changed";

/** One difference between two parameter schemas, at a JSON Pointer into the parameters. */
export interface SchemaChange {
  kind: SchemaChangeKind;
  path: string;
  description: string;
}

type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Keywords that describe structure are walked, not compared as a whole.
const STRUCTURAL = new Set([
  "properties",
  "items",
  "required",
  "description",
  "title",
  "$schema",
  "$comment",
]);

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable(value[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function compareKeywords(before: JsonSchema, after: JsonSchema): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !STRUCTURAL.has(key),
  );
  return keys
    .sort()
    .filter((key) => stable(before[key]) !== stable(after[key]))
    .map((key) =>
      key in before && key in after
        ? `${key}: ${stable(before[key])} → ${stable(after[key])}`
        : key in after
          ? `${key} added: ${stable(after[key])}`
          : `${key} removed (was ${stable(before[key])})`,
    );
}

function walk(
  before: JsonSchema,
  after: JsonSchema,
  path: Array<string | number>,
  changes: SchemaChange[],
): void {
  const keywordChanges = compareKeywords(before, after);
  if (keywordChanges.length > 0)
    changes.push({ kind: "changed", path: toJsonPointer(path), description: keywordChanges.join("; ") });
  const beforeProperties = isObject(before.properties) ? before.properties : {};
  const afterProperties = isObject(after.properties) ? after.properties : {};
  const beforeRequired = new Set(Array.isArray(before.required) ? before.required : []);
  const afterRequired = new Set(Array.isArray(after.required) ? after.required : []);
  const names = [...new Set([...Object.keys(beforeProperties), ...Object.keys(afterProperties)])].sort();
  for (const name of names) {
    const childPath = [...path, name];
    const pointer = toJsonPointer(childPath);
    const old = beforeProperties[name];
    const next = afterProperties[name];
    if (!isObject(old) && isObject(next)) {
      const required = afterRequired.has(name) ? "required" : "optional";
      changes.push({ kind: "added", path: pointer, description: `new ${required} parameter` });
    } else if (isObject(old) && !isObject(next)) {
      changes.push({ kind: "removed", path: pointer, description: "parameter removed" });
    } else if (isObject(old) && isObject(next)) {
      if (beforeRequired.has(name) !== afterRequired.has(name))
        changes.push({
          kind: "changed",
          path: pointer,
          description: afterRequired.has(name) ? "became required" : "no longer required",
        });
      walk(old, next, childPath, changes);
    }
  }
  if (isObject(before.items) && isObject(after.items))
    walk(before.items, after.items, [...path, "*"], changes);
}

/**
 * The differences between two parameter schemas: parameters added (and whether required) or removed, parameters
 * that became required or optional, and changed keywords (type, default, enum, bounds, pattern, format) at every
 * level, list items included (`/pools/*`). Sorted by path for stable output.
 */
export function diffParameterSchemas(before: unknown, after: unknown): SchemaChange[] {
  const changes: SchemaChange[] = [];
  walk(isObject(before) ? before : {}, isObject(after) ? after : {}, [], changes);
  return changes.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}
