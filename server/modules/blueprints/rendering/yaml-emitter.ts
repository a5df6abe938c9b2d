/**
 * A tiny YAML emitter for template output. It is deliberately conservative: every string is
 * double-quoted (so `on`, `no`, `0755` or `1.10` stay strings even for YAML 1.1 parsers such
 * as the one Kubernetes uses) and every character that YAML forbids in a document is escaped.
 * Keys stay plain when they are unambiguous, so labels read naturally.
 */

/** A JSON value as it reaches the template after validation. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// JSON.stringify already escapes C0 controls, quotes, backslashes and lone surrogates; these
// remaining characters are not printable in YAML or are line breaks to some YAML 1.1 parsers.
const UNSAFE_IN_YAML = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const YAML_1_1_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

/** Quotes a string as a YAML (and JSON-compatible) double-quoted scalar. */
export function quoteYamlString(text: string): string {
  return JSON.stringify(text).replace(
    UNSAFE_IN_YAML,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Serialises any JSON value on one line, as JSON (which is valid YAML flow syntax). */
export function emitJson(value: JsonValue): string {
  return JSON.stringify(value).replace(
    UNSAFE_IN_YAML,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function isContainer(value: JsonValue): value is JsonValue[] | { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}

function emitScalar(value: JsonValue): string {
  if (typeof value === "string") return quoteYamlString(value);
  if (Array.isArray(value)) return "[]";
  if (value !== null && typeof value === "object") return "{}";
  return JSON.stringify(value);
}

function emitKey(key: string): string {
  return PLAIN_KEY.test(key) && !YAML_1_1_WORDS.test(key) ? key : quoteYamlString(key);
}

function emitLines(value: JsonValue, indent: string): string[] {
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isContainer(item)) {
        lines.push(`${indent}- ${emitScalar(item)}`);
        continue;
      }
      // The first line of a nested block moves up behind the dash: "- name: x".
      const nested = emitLines(item, `${indent}  `);
      lines.push(`${indent}- ${nested[0].slice(indent.length + 2)}`, ...nested.slice(1));
    }
    return lines;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (isContainer(item)) lines.push(`${indent}${emitKey(key)}:`, ...emitLines(item, `${indent}  `));
      else lines.push(`${indent}${emitKey(key)}: ${emitScalar(item)}`);
    }
    return lines;
  }
  return [`${indent}${emitScalar(value)}`];
}

/**
 * Serialises a JSON value as YAML: scalars and empty collections on one line, non-empty
 * collections as block YAML without a trailing newline (the template supplies line breaks).
 */
export function emitYaml(value: JsonValue): string {
  return isContainer(value) ? emitLines(value, "").join("\n") : emitScalar(value);
}
