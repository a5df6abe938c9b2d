import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** One version of a post, written with every create and edit: the full edit history. */
export interface ForumPostRevision {
  id: string;
  postId: string;
  version: number;
  markdown: string;
  editorId: string;
  reason: string | null;
  createdAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  post?: unknown;
  editor?: unknown;
}

export const ForumPostRevisionEntity = new EntitySchema<ForumPostRevision>({
  name: "ForumPostRevision",
  tableName: "forum_post_revision",
  columns: {
    id: uuidPrimary,
    postId: { type: "uuid", name: "post_id" },
    version: { type: "integer" },
    markdown: { type: "text" },
    editorId: { type: "uuid", name: "editor_id" },
    reason: { type: "text", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "forum_post_revision_post_version_key", columns: ["postId", "version"] }],
  relations: {
    post: belongsTo("ForumPost", "post_id", "forum_post_revision_post_fkey", "CASCADE"),
    editor: belongsTo("Person", "editor_id", "forum_post_revision_editor_fkey"),
  },
});
