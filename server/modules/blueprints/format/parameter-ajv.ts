import { isIPv4, isIPv6 } from "node:net";
import { Ajv } from "ajv";

/**
 * String formats a parameter schema may use. Ajv knows none by default and ajv-formats is not
 * a dependency, so the few formats blueprints need are defined here; any other format makes
 * the schema invalid instead of being ignored.
 */
const FORMATS: Record<string, RegExp | ((value: string) => boolean)> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  email:
    /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
  hostname:
    /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
  ipv4: (value) => isIPv4(value),
  ipv6: (value) => isIPv6(value),
  uri: (value) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value),
};

/** Names of the supported `format` values, for documentation and error messages. */
export const SUPPORTED_FORMATS = Object.keys(FORMATS).sort();

/**
 * Creates the Ajv instance used for parameter schemas: draft-07, strict (unknown keywords and
 * formats are schema errors), every error reported, schema defaults filled in. A fresh
 * instance per schema keeps untrusted schemas' `$id`s from colliding with each other.
 */
export function createParameterAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, logger: false });
  for (const [name, format] of Object.entries(FORMATS)) {
    ajv.addFormat(name, typeof format === "function" ? { type: "string", validate: format } : format);
  }
  return ajv;
}
