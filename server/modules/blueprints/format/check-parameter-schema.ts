import { Ajv, type ValidateFunction } from "ajv";
import type { BlueprintProblem } from "./blueprint-problem.js";
import { createParameterAjv } from "./parameter-ajv.js";
import { SECURE_META_SCHEMA } from "./secure-meta-schema.js";

/** The `$schema` values accepted for a parameter schema (JSON Schema draft-07). */
export const DRAFT_07_URIS = [
  "http://json-schema.org/draft-07/schema#",
  "http://json-schema.org/draft-07/schema",
];

const MAX_DEPTH = 32;

let secureValidator: ValidateFunction | undefined;

/** The secure meta-schema is ours and loosely typed, so it compiles outside strict mode, once. */
function isSecure(schema: unknown): ValidateFunction {
  secureValidator ??= new Ajv({ allErrors: true, strict: false, logger: false }).compile(SECURE_META_SCHEMA);
  secureValidator(schema);
  return secureValidator;
}

/** A parameter schema that passed every check: a draft-07 object schema with a closed root. */
export type ParameterSchema = Record<string, unknown> & { type: "object"; additionalProperties: false };

/**
 * Checks a parsed `values.schema.json`: draft-07, a closed object at the root
 * (`additionalProperties: false`), safe for untrusted data (ajv's secure meta-schema), and
 * compilable by ajv in strict mode. Returns every problem found, or none.
 */
export function checkParameterSchema(schema: unknown, fileName = "values.schema.json"): BlueprintProblem[] {
  if (!isPlainObject(schema)) return [{ file: fileName, path: "", message: "must be a JSON object" }];
  const problems: BlueprintProblem[] = [];
  if (typeof schema.$schema !== "string" || !DRAFT_07_URIS.includes(schema.$schema)) {
    problems.push({ file: fileName, path: "/$schema", message: `must be "${DRAFT_07_URIS[0]}" (draft-07)` });
  }
  if (schema.type !== "object") problems.push({ file: fileName, path: "/type", message: 'must be "object"' });
  if (schema.additionalProperties !== false) {
    problems.push({ file: fileName, path: "/additionalProperties", message: "must be false at the root" });
  }
  if (depthOf(schema) > MAX_DEPTH) {
    problems.push({ file: fileName, path: "", message: `must not nest deeper than ${MAX_DEPTH} levels` });
    return problems;
  }
  const secure = isSecure(schema);
  if (secure.errors) {
    for (const error of secure.errors) {
      if (error.keyword === "if") continue; // Summarises the "then" error already listed.
      problems.push({ file: fileName, path: error.instancePath, message: `unsafe schema: ${error.message}` });
    }
  }
  if (problems.length > 0) return problems;
  try {
    createParameterAjv().compile(schema);
  } catch (error) {
    problems.push({
      file: fileName,
      path: "",
      message: error instanceof Error ? error.message : String(error),
    });
  }
  return problems;
}

/** Narrows a value to a plain JSON object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  if (Array.isArray(value)) return Math.max(depth, ...value.map((item) => depthOf(item, depth + 1)));
  if (isPlainObject(value))
    return Math.max(depth, ...Object.values(value).map((item) => depthOf(item, depth + 1)));
  return depth;
}

/** Narrows a parsed schema to {@link ParameterSchema} once {@link checkParameterSchema} found no problem. */
export function isParameterSchema(value: unknown): value is ParameterSchema {
  return isPlainObject(value) && value.type === "object" && value.additionalProperties === false;
}
