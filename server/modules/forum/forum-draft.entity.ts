import { EntitySchema } from "typeorm";
import { updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/**
 * A server-side draft of the composer, keyed by what it is for: `new-topic` or `topic:<uuid>` (a reply).
 * `sequence` grows with every save, so a stale tab cannot overwrite a newer draft unnoticed.
 */
export interface ForumDraft {
  id: string;
  personId: string;
  draftKey: string;
  title: string | null;
  markdown: string;
  sequence: number;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  person?: unknown;
}

export const ForumDraftEntity = new EntitySchema<ForumDraft>({
  name: "ForumDraft",
  tableName: "forum_draft",
  columns: {
    id: uuidPrimary,
    personId: { type: "uuid", name: "person_id" },
    draftKey: { type: "text", name: "draft_key" },
    title: { type: "text", nullable: true },
    markdown: { type: "text" },
    sequence: { type: "integer", default: 1 },
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "forum_draft_person_key_key", columns: ["personId", "draftKey"] }],
  relations: {
    person: belongsTo("Person", "person_id", "forum_draft_person_fkey", "CASCADE"),
  },
});
