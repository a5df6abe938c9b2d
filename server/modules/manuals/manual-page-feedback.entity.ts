import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Person } from "../people/person.entity.js";
import type { ManualPage } from "./manual-page.entity.js";

/** "Was this page helpful?" from one signed-in reader (one answer each, replaced when given again), with an optional comment; read by maintainers. */
export interface ManualPageFeedback {
  id: string;
  pageId: string;
  personId: string;
  helpful: boolean;
  comment: string | null;
  createdAt: Date;
  page?: ManualPage;
  person?: Person;
}

export const ManualPageFeedbackEntity = new EntitySchema<ManualPageFeedback>({
  name: "ManualPageFeedback",
  tableName: "manual_page_feedback",
  columns: {
    id: uuidPrimary,
    pageId: { type: "uuid", name: "page_id" },
    personId: { type: "uuid", name: "person_id" },
    helpful: { type: "boolean" },
    comment: { type: "text", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "manual_page_feedback_page_person_key", columns: ["pageId", "personId"] }],
  indices: [{ name: "manual_page_feedback_page_idx", columns: ["pageId", "createdAt"] }],
  relations: {
    page: belongsTo("ManualPage", "page_id", "manual_page_feedback_page_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "manual_page_feedback_person_fkey", "CASCADE"),
  },
});
