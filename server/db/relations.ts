import type { EntitySchemaRelationOptions } from "typeorm";

/**
 * A many-to-one relation whose foreign key lives in `column`, with a named constraint so migrations and
 * entities agree. `onDelete` defaults to RESTRICT (PostgreSQL's NO ACTION): history is never deleted by cascade
 * unless the owning row is meaningless without its parent.
 */
export function belongsTo(
  target: string,
  column: string,
  constraint: string,
  onDelete: "CASCADE" | "RESTRICT" | "SET NULL" | "NO ACTION" = "NO ACTION",
): EntitySchemaRelationOptions {
  return {
    type: "many-to-one",
    target,
    onDelete,
    joinColumn: { name: column, foreignKeyConstraintName: constraint },
  };
}
