import { EntitySchema } from "typeorm";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { ManualChapter } from "./manual-chapter.entity.js";
import type { ManualPageRevision } from "./manual-page-revision.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";

/**
 * A page of a chapter; its text lives in revisions. `slug` is the file name without `.md` (`index` is the
 * chapter's own page). `syncedHash` is the SHA-256 of the file last loaded from `content/`, so an unchanged file
 * creates no revision and web edits are not overwritten until the file itself changes. Pages removed from
 * `content/` are archived, never deleted.
 */
export interface ManualPage {
  id: string;
  releaseId: string;
  chapterId: string;
  slug: string;
  title: string;
  summary: string;
  position: number;
  currentRevisionId: string | null;
  origin: "content" | "web";
  syncedHash: string | null;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
  release?: ManualRelease;
  chapter?: ManualChapter;
  currentRevision?: ManualPageRevision;
}

export const ManualPageEntity = new EntitySchema<ManualPage>({
  name: "ManualPage",
  tableName: "manual_page",
  columns: {
    id: uuidPrimary,
    releaseId: { type: "uuid", name: "release_id" },
    chapterId: { type: "uuid", name: "chapter_id" },
    slug: { type: "text" },
    title: { type: "text" },
    summary: { type: "text", default: "" },
    position: { type: "integer", default: 0 },
    currentRevisionId: { type: "uuid", name: "current_revision_id", nullable: true },
    origin: { type: "text", default: "content" },
    syncedHash: { type: "text", name: "synced_hash", nullable: true },
    archived: { type: "boolean", default: false },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "manual_page_chapter_slug_key", columns: ["chapterId", "slug"] }],
  indices: [{ name: "manual_page_release_idx", columns: ["releaseId"] }],
  checks: [{ name: "manual_page_origin_check", expression: "origin IN ('content', 'web')" }],
  relations: {
    release: belongsTo("ManualRelease", "release_id", "manual_page_release_fkey", "CASCADE"),
    chapter: belongsTo("ManualChapter", "chapter_id", "manual_page_chapter_fkey", "CASCADE"),
    currentRevision: belongsTo(
      "ManualPageRevision",
      "current_revision_id",
      "manual_page_current_revision_fkey",
      "SET NULL",
    ),
  },
});
