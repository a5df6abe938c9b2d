import type { JsonValue } from "./yaml-emitter.js";

const MAX_DEPTH = 64;

/**
 * Deep-copies plain JSON data with object keys sorted, so two parameter objects that differ
 * only in key order render to the same bytes. Anything that is not JSON (functions, class
 * instances, undefined, NaN, cycles deeper than the limit) is refused with a TypeError.
 */
export function toCanonicalJson(value: unknown, depth = 0): JsonValue {
  if (depth > MAX_DEPTH) throw new TypeError(`parameters nest deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("parameters may only hold finite numbers");
    return Object.is(value, -0) ? 0 : value;
  }
  if (Array.isArray(value)) return value.map((item) => toCanonicalJson(item, depth + 1));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const result: { [key: string]: JsonValue } = {};
    const source = value as Record<string, unknown>;
    for (const key of Object.keys(source).sort()) {
      if (source[key] === undefined) continue;
      // defineProperty, not assignment: a "__proto__" key must stay data, never become a prototype.
      Object.defineProperty(result, key, {
        value: toCanonicalJson(source[key], depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  throw new TypeError(`parameters may only hold JSON data, found ${typeof value}`);
}

/** Narrows a JSON value to an object (not null, not a list). */
export function isJsonObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
