import type { ErrorObject, ValidateFunction } from "ajv";
import { type BlueprintProblem, sortProblems } from "../format/blueprint-problem.js";
import { createParameterAjv } from "../format/parameter-ajv.js";
import { isJsonObject, toCanonicalJson } from "./canonical-json.js";
import type { JsonValue } from "./yaml-emitter.js";

/** Parameters after validation, defaults filled in, keys sorted; or every failing path. */
export type ParameterValidationResult =
  | { ok: true; values: { [key: string]: JsonValue } }
  | { ok: false; problems: BlueprintProblem[] };

// Compiling is the slow part; a source's schema object is compiled once.
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validate = createParameterAjv().compile(schema);
  compiled.set(schema, validate);
  return validate;
}

function problemOf(error: ErrorObject): BlueprintProblem {
  const params = error.params as Record<string, unknown>;
  // "required" and "additionalProperties" errors sit on the parent; point at the property itself.
  const child =
    typeof params.missingProperty === "string"
      ? params.missingProperty
      : typeof params.additionalProperty === "string"
        ? params.additionalProperty
        : undefined;
  const path =
    child === undefined
      ? error.instancePath
      : `${error.instancePath}/${child.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const message =
    error.keyword === "additionalProperties"
      ? "is not a parameter of this blueprint"
      : (error.message ?? "is invalid");
  return { path, message };
}

/**
 * Validates parameters against a blueprint's draft-07 schema with ajv (all errors, schema
 * defaults applied). The input is copied, never modified. Problems are JSON Pointers such as
 * `{ path: "/controlPlane/endpoint", message: "must match format \"hostname\"" }`.
 */
export function validateParameters(schema: object, params: unknown): ParameterValidationResult {
  let values: JsonValue;
  try {
    values = toCanonicalJson(params ?? {});
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: "", message: error instanceof Error ? error.message : String(error) }],
    };
  }
  const validate = validatorFor(schema);
  if (!validate(values)) {
    const problems = (validate.errors ?? []).filter((error) => error.keyword !== "if").map(problemOf);
    const unique = new Map(problems.map((problem) => [`${problem.path}\u0000${problem.message}`, problem]));
    return { ok: false, problems: sortProblems([...unique.values()]) };
  }
  // Defaults were inserted in schema order; sort again so output never depends on it.
  const canonical = toCanonicalJson(values);
  if (!isJsonObject(canonical)) return { ok: false, problems: [{ path: "", message: "must be an object" }] };
  return { ok: true, values: canonical };
}
