/**
 * Ajv's "secure" meta-schema (ajv/lib/refs/json-schema-secure.json), inlined so no JSON import
 * is needed. A schema failing it could make validation of untrusted parameters slow: patterns
 * and formats need a maxLength, unique object arrays a maxItems, pattern properties a bound.
 */
export const SECURE_META_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/json-schema-secure.json#",
  definitions: { schemaArray: { type: "array", minItems: 1, items: { $ref: "#" } } },
  dependencies: {
    patternProperties: {
      required: ["propertyNames"],
      properties: { propertyNames: { required: ["maxLength"] } },
    },
    uniqueItems: {
      if: {
        properties: {
          uniqueItems: { const: true },
          items: {
            properties: {
              type: {
                anyOf: [
                  { enum: ["object", "array"] },
                  { type: "array", contains: { enum: ["object", "array"] } },
                ],
              },
            },
          },
        },
      },
      // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword here, not a thenable.
      then: { required: ["maxItems"] },
    },
    pattern: { required: ["maxLength"] },
    format: { required: ["maxLength"] },
  },
  properties: {
    additionalItems: { $ref: "#" },
    additionalProperties: { $ref: "#" },
    dependencies: { additionalProperties: { anyOf: [{ type: "array" }, { $ref: "#" }] } },
    items: { anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }] },
    definitions: { additionalProperties: { $ref: "#" } },
    patternProperties: { additionalProperties: { $ref: "#" } },
    properties: { additionalProperties: { $ref: "#" } },
    if: { $ref: "#" },
    // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword here, not a thenable.
    then: { $ref: "#" },
    else: { $ref: "#" },
    allOf: { $ref: "#/definitions/schemaArray" },
    anyOf: { $ref: "#/definitions/schemaArray" },
    oneOf: { $ref: "#/definitions/schemaArray" },
    not: { $ref: "#" },
    contains: { $ref: "#" },
    propertyNames: { $ref: "#" },
  },
} as const;
