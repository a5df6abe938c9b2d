import { badUserInput } from "../errors.js";

/** Encodes a Relay global ID: opaque to clients, carrying the type so `node(id:)` can route it. */
export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, "utf8").toString("base64url");
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes any global ID; undefined when it is not one of ours. */
export function parseGlobalId(globalId: string): { typeName: string; id: string } | undefined {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator <= 0) return undefined;
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!/^[A-Z][A-Za-z]+$/.test(typeName) || !UUID_PATTERN.test(id)) return undefined;
  return { typeName, id };
}

/** Decodes a global ID that must name a `typeName`; anything else is BAD_USER_INPUT naming `field`. */
export function fromGlobalId(globalId: string, typeName: string, field: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.typeName !== typeName) {
    throw badUserInput(`${field} is not a valid ${typeName} ID`, [
      { field, message: `not a ${typeName} ID` },
    ]);
  }
  return parsed.id;
}
