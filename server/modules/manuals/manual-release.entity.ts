import { EntitySchema } from "typeorm";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Manual } from "./manual.entity.js";

export const RELEASE_STATUSES = ["unreleased", "current", "maintained", "unmaintained"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** One component version a release was written for, in the order the release lists them. */
export interface ComponentVersion {
  component: string;
  version: string;
}

/**
 * A named release of a manual (e.g. "2026.11"). `origin` says where its text comes from: `content` (files in
 * `content/manuals/`, kept in sync) or `cut` (copied from another release in the hub).
 */
export interface ManualRelease {
  id: string;
  manualId: string;
  name: string;
  title: string;
  status: ReleaseStatus;
  versions: ComponentVersion[];
  origin: "content" | "cut";
  /** SHA-256 of the `release.yaml` last applied; null for cut releases. */
  syncedHash: string | null;
  /**
   * Image files of the release, relative to its folder (`02-planning/ip-plan.svg`). For a `content` release they
   * are the files in `content/manuals/<manual>/<release>/`; a cut release inherits its origin's list and its
   * images are served from there (see `cutFromReleaseId`).
   */
  assets: string[];
  /** The release a cut release was copied from; null for content releases (and cuts made before it was kept). */
  cutFromReleaseId: string | null;
  /**
   * Bumped by a database trigger on every write to the release's chapters, pages and revisions (migration
   * AddManualContentGeneration), whichever process makes it; a bigint, so a string. Never written by the hub.
   */
  contentGeneration: string;
  createdAt: Date;
  updatedAt: Date;
  manual?: Manual;
  cutFrom?: ManualRelease;
}

export const ManualReleaseEntity = new EntitySchema<ManualRelease>({
  name: "ManualRelease",
  tableName: "manual_release",
  columns: {
    id: uuidPrimary,
    manualId: { type: "uuid", name: "manual_id" },
    name: { type: "text" },
    title: { type: "text" },
    status: { type: "text", default: "unreleased" },
    versions: { type: "jsonb", default: () => "'[]'" },
    origin: { type: "text", default: "content" },
    syncedHash: { type: "text", name: "synced_hash", nullable: true },
    assets: { type: "jsonb", default: () => "'[]'" },
    cutFromReleaseId: { type: "uuid", name: "cut_from_release_id", nullable: true },
    contentGeneration: {
      type: "bigint",
      name: "content_generation",
      default: 0,
      insert: false,
      update: false,
    },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "manual_release_manual_name_key", columns: ["manualId", "name"] }],
  indices: [
    // At most one current release per manual.
    {
      name: "manual_release_one_current_idx",
      columns: ["manualId"],
      unique: true,
      where: "status = 'current'",
    },
  ],
  checks: [
    {
      name: "manual_release_status_check",
      expression: "status IN ('unreleased', 'current', 'maintained', 'unmaintained')",
    },
    { name: "manual_release_origin_check", expression: "origin IN ('content', 'cut')" },
  ],
  relations: {
    manual: belongsTo("Manual", "manual_id", "manual_release_manual_fkey", "CASCADE"),
    cutFrom: belongsTo("ManualRelease", "cut_from_release_id", "manual_release_cut_from_fkey", "SET NULL"),
  },
});
