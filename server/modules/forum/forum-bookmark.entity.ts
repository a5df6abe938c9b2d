import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** A post a person bookmarked, with an optional private note. */
export interface ForumBookmark {
  id: string;
  personId: string;
  postId: string;
  note: string;
  createdAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  person?: unknown;
  post?: unknown;
}

export const ForumBookmarkEntity = new EntitySchema<ForumBookmark>({
  name: "ForumBookmark",
  tableName: "forum_bookmark",
  columns: {
    id: uuidPrimary,
    personId: { type: "uuid", name: "person_id" },
    postId: { type: "uuid", name: "post_id" },
    note: { type: "text", default: "" },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "forum_bookmark_person_post_key", columns: ["personId", "postId"] }],
  relations: {
    person: belongsTo("Person", "person_id", "forum_bookmark_person_fkey", "CASCADE"),
    post: belongsTo("ForumPost", "post_id", "forum_bookmark_post_fkey", "CASCADE"),
  },
});
