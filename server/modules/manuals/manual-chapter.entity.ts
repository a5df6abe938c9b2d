import { EntitySchema } from "typeorm";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { ManualRelease } from "./manual-release.entity.js";

/**
 * A chapter of one release. `directory` is its folder in `content/` (`05-load-balancing-metallb`), kept so an
 * export writes the same layout back; `slug` is the folder without its number and appears in URLs.
 */
export interface ManualChapter {
  id: string;
  releaseId: string;
  slug: string;
  directory: string;
  title: string;
  summary: string;
  position: number;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
  release?: ManualRelease;
}

export const ManualChapterEntity = new EntitySchema<ManualChapter>({
  name: "ManualChapter",
  tableName: "manual_chapter",
  columns: {
    id: uuidPrimary,
    releaseId: { type: "uuid", name: "release_id" },
    slug: { type: "text" },
    directory: { type: "text" },
    title: { type: "text" },
    summary: { type: "text", default: "" },
    position: { type: "integer", default: 0 },
    archived: { type: "boolean", default: false },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "manual_chapter_release_slug_key", columns: ["releaseId", "slug"] }],
  relations: {
    release: belongsTo("ManualRelease", "release_id", "manual_chapter_release_fkey", "CASCADE"),
  },
});
