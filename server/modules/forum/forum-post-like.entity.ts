import { EntitySchema } from "typeorm";
import { createdAtColumn } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** One person's like of one post. */
export interface ForumPostLike {
  postId: string;
  personId: string;
  createdAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  post?: unknown;
  person?: unknown;
}

export const ForumPostLikeEntity = new EntitySchema<ForumPostLike>({
  name: "ForumPostLike",
  tableName: "forum_post_like",
  columns: {
    postId: { type: "uuid", name: "post_id", primary: true },
    personId: { type: "uuid", name: "person_id", primary: true },
    createdAt: createdAtColumn,
  },
  indices: [{ name: "forum_post_like_person_idx", columns: ["personId"] }],
  relations: {
    post: belongsTo("ForumPost", "post_id", "forum_post_like_post_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "forum_post_like_person_fkey", "CASCADE"),
  },
});
