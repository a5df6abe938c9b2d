import { EntitySchema } from "typeorm";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";

/**
 * Who an action of a category is open to. `everyone` includes anonymous readers (reading only); `cooperatives`
 * means members of any approved cooperative, `tcc_members` members of an approved TCC member cooperative.
 */
export const FORUM_AUDIENCES = [
  "everyone",
  "signed_in",
  "cooperatives",
  "tcc_members",
  "moderators",
] as const;
export type ForumAudience = (typeof FORUM_AUDIENCES)[number];

/** Discussion (ordinary), decision (cooperatives vote) or advisory (cooperatives acknowledge). */
export const FORUM_CATEGORY_KINDS = ["discussion", "decision", "advisory"] as const;
export type ForumCategoryKind = (typeof FORUM_CATEGORY_KINDS)[number];

/** A forum category: its place in the list, who may read, start topics and reply, and what kind it is. */
export interface ForumCategory {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  readAudience: ForumAudience;
  postAudience: ForumAudience;
  replyAudience: ForumAudience;
  allowsAcceptedAnswers: boolean;
  kind: ForumCategoryKind;
  createdAt: Date;
  updatedAt: Date;
}

const audienceCheck = (column: string) =>
  `${column} IN ('everyone', 'signed_in', 'cooperatives', 'tcc_members', 'moderators')`;

export const ForumCategoryEntity = new EntitySchema<ForumCategory>({
  name: "ForumCategory",
  tableName: "forum_category",
  columns: {
    id: uuidPrimary,
    slug: { type: "text" },
    name: { type: "text" },
    description: { type: "text", default: "" },
    position: { type: "integer", default: 0 },
    readAudience: { type: "text", name: "read_audience", default: "everyone" },
    postAudience: { type: "text", name: "post_audience", default: "signed_in" },
    replyAudience: { type: "text", name: "reply_audience", default: "signed_in" },
    allowsAcceptedAnswers: { type: "boolean", name: "allows_accepted_answers", default: false },
    kind: { type: "text", default: "discussion" },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "forum_category_slug_key", columns: ["slug"] }],
  indices: [{ name: "forum_category_position_idx", columns: ["position", "name"] }],
  checks: [
    { name: "forum_category_read_audience_check", expression: audienceCheck("read_audience") },
    { name: "forum_category_post_audience_check", expression: audienceCheck("post_audience") },
    { name: "forum_category_reply_audience_check", expression: audienceCheck("reply_audience") },
    {
      name: "forum_category_kind_check",
      expression: "kind IN ('discussion', 'decision', 'advisory')",
    },
  ],
});
