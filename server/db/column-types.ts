import type { EntitySchemaColumnOptions } from "typeorm";

/** Column shorthands so every entity states explicit types (no decorator metadata is emitted under tsx/vitest). */
export const uuidPrimary: EntitySchemaColumnOptions = {
  type: "uuid",
  primary: true,
  generated: "uuid",
};

export const timestampColumn = (name: string, options: Partial<EntitySchemaColumnOptions> = {}) =>
  ({ type: "timestamptz", name, ...options }) satisfies EntitySchemaColumnOptions;

export const createdAtColumn: EntitySchemaColumnOptions = {
  type: "timestamptz",
  name: "created_at",
  createDate: true,
};

export const updatedAtColumn: EntitySchemaColumnOptions = {
  type: "timestamptz",
  name: "updated_at",
  updateDate: true,
};
