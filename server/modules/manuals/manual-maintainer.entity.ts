import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import type { Person } from "../people/person.entity.js";
import type { Manual } from "./manual.entity.js";

/**
 * The maintainer role of one manual, held by a cooperative (every member of it maintains) or by one person.
 * Maintainers review and merge change proposals, edit directly, restore revisions and cut releases.
 */
export interface ManualMaintainer {
  id: string;
  manualId: string;
  cooperativeId: string | null;
  personId: string | null;
  createdAt: Date;
  manual?: Manual;
  cooperative?: Cooperative;
  person?: Person;
}

export const ManualMaintainerEntity = new EntitySchema<ManualMaintainer>({
  name: "ManualMaintainer",
  tableName: "manual_maintainer",
  columns: {
    id: uuidPrimary,
    manualId: { type: "uuid", name: "manual_id" },
    cooperativeId: { type: "uuid", name: "cooperative_id", nullable: true },
    personId: { type: "uuid", name: "person_id", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [
    { name: "manual_maintainer_cooperative_key", columns: ["manualId", "cooperativeId"] },
    { name: "manual_maintainer_person_key", columns: ["manualId", "personId"] },
  ],
  checks: [
    {
      name: "manual_maintainer_holder_check",
      expression: "(cooperative_id IS NULL) <> (person_id IS NULL)",
    },
  ],
  relations: {
    manual: belongsTo("Manual", "manual_id", "manual_maintainer_manual_fkey", "CASCADE"),
    cooperative: belongsTo("Cooperative", "cooperative_id", "manual_maintainer_cooperative_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "manual_maintainer_person_fkey", "CASCADE"),
  },
});
