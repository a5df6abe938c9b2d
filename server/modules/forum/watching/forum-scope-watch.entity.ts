import { EntitySchema } from "typeorm";
import { updatedAtColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";
import type { ForumWatchLevel } from "../forum-topic-watch.entity.js";

const LEVEL_CHECK = "level IN ('watching', 'tracking', 'watching_first_post', 'muted')";

/** A person's explicit watch level on a whole category (wins over the category's default). */
export interface ForumCategoryWatch {
  categoryId: string;
  personId: string;
  level: ForumWatchLevel;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  category?: unknown;
  person?: unknown;
}

export const ForumCategoryWatchEntity = new EntitySchema<ForumCategoryWatch>({
  name: "ForumCategoryWatch",
  tableName: "forum_category_watch",
  columns: {
    categoryId: { type: "uuid", name: "category_id", primary: true },
    personId: { type: "uuid", name: "person_id", primary: true },
    level: { type: "text" },
    updatedAt: updatedAtColumn,
  },
  indices: [{ name: "forum_category_watch_person_idx", columns: ["personId"] }],
  checks: [{ name: "forum_category_watch_level_check", expression: LEVEL_CHECK }],
  relations: {
    category: belongsTo("ForumCategory", "category_id", "forum_category_watch_category_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "forum_category_watch_person_fkey", "CASCADE"),
  },
});

/** A person's explicit watch level on a tag (wins over category levels, loses to a topic level). */
export interface ForumTagWatch {
  tagId: string;
  personId: string;
  level: ForumWatchLevel;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  tag?: unknown;
  person?: unknown;
}

export const ForumTagWatchEntity = new EntitySchema<ForumTagWatch>({
  name: "ForumTagWatch",
  tableName: "forum_tag_watch",
  columns: {
    tagId: { type: "uuid", name: "tag_id", primary: true },
    personId: { type: "uuid", name: "person_id", primary: true },
    level: { type: "text" },
    updatedAt: updatedAtColumn,
  },
  indices: [{ name: "forum_tag_watch_person_idx", columns: ["personId"] }],
  checks: [{ name: "forum_tag_watch_level_check", expression: LEVEL_CHECK }],
  relations: {
    tag: belongsTo("ForumTag", "tag_id", "forum_tag_watch_tag_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "forum_tag_watch_person_fkey", "CASCADE"),
  },
});

/**
 * The level everyone has on a category unless they chose their own, set by moderators and stewards (e.g.
 * `watching_first_post` on announcements). No row: nobody watches the category by default.
 */
export interface ForumCategoryWatchDefault {
  categoryId: string;
  level: ForumWatchLevel;
  updatedById: string | null;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  category?: unknown;
  updatedBy?: unknown;
}

export const ForumCategoryWatchDefaultEntity = new EntitySchema<ForumCategoryWatchDefault>({
  name: "ForumCategoryWatchDefault",
  tableName: "forum_category_watch_default",
  columns: {
    categoryId: { type: "uuid", name: "category_id", primary: true },
    level: { type: "text" },
    updatedById: { type: "uuid", name: "updated_by_id", nullable: true },
    updatedAt: updatedAtColumn,
  },
  checks: [{ name: "forum_category_watch_default_level_check", expression: LEVEL_CHECK }],
  relations: {
    category: belongsTo(
      "ForumCategory",
      "category_id",
      "forum_category_watch_default_category_fkey",
      "CASCADE",
    ),
    updatedBy: belongsTo("Person", "updated_by_id", "forum_category_watch_default_person_fkey", "SET NULL"),
  },
});
