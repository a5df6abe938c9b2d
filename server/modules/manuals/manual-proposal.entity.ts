import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Person } from "../people/person.entity.js";
import type { ManualChapter } from "./manual-chapter.entity.js";
import type { ManualPage } from "./manual-page.entity.js";
import type { ManualPageRevision } from "./manual-page-revision.entity.js";
import type { ManualRelease } from "./manual-release.entity.js";

export const PROPOSAL_STATUSES = ["open", "merged", "declined"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A member's proposed change to a page (`pageId` set, based on `baseRevisionId`) or a new page (`pageId` null,
 * `chapterId` and `slug` set). It is a conflict when the page's current revision is no longer its base.
 */
export interface ManualProposal {
  id: string;
  releaseId: string;
  chapterId: string;
  pageId: string | null;
  slug: string | null;
  baseRevisionId: string | null;
  title: string;
  summary: string;
  markdown: string;
  previewHtml: string;
  brokenLinks: string[];
  message: string;
  authorId: string;
  status: ProposalStatus;
  decidedById: string | null;
  decidedAt: Date | null;
  mergedRevisionId: string | null;
  createdAt: Date;
  updatedAt: Date;
  release?: ManualRelease;
  chapter?: ManualChapter;
  page?: ManualPage;
  baseRevision?: ManualPageRevision;
  mergedRevision?: ManualPageRevision;
  author?: Person;
  decidedBy?: Person;
}

export const ManualProposalEntity = new EntitySchema<ManualProposal>({
  name: "ManualProposal",
  tableName: "manual_proposal",
  columns: {
    id: uuidPrimary,
    releaseId: { type: "uuid", name: "release_id" },
    chapterId: { type: "uuid", name: "chapter_id" },
    pageId: { type: "uuid", name: "page_id", nullable: true },
    slug: { type: "text", nullable: true },
    baseRevisionId: { type: "uuid", name: "base_revision_id", nullable: true },
    title: { type: "text" },
    summary: { type: "text", default: "" },
    markdown: { type: "text" },
    previewHtml: { type: "text", name: "preview_html" },
    brokenLinks: { type: "text", name: "broken_links", array: true, default: () => "'{}'" },
    message: { type: "text", default: "" },
    authorId: { type: "uuid", name: "author_id" },
    status: { type: "text", default: "open" },
    decidedById: { type: "uuid", name: "decided_by_id", nullable: true },
    decidedAt: timestampColumn("decided_at", { nullable: true }),
    mergedRevisionId: { type: "uuid", name: "merged_revision_id", nullable: true },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  indices: [
    { name: "manual_proposal_release_status_idx", columns: ["releaseId", "status", "createdAt"] },
    { name: "manual_proposal_page_idx", columns: ["pageId"] },
  ],
  checks: [
    { name: "manual_proposal_status_check", expression: "status IN ('open', 'merged', 'declined')" },
    {
      name: "manual_proposal_target_check",
      expression: "(page_id IS NOT NULL) OR (slug IS NOT NULL)",
    },
  ],
  relations: {
    release: belongsTo("ManualRelease", "release_id", "manual_proposal_release_fkey", "CASCADE"),
    chapter: belongsTo("ManualChapter", "chapter_id", "manual_proposal_chapter_fkey", "CASCADE"),
    page: belongsTo("ManualPage", "page_id", "manual_proposal_page_fkey", "CASCADE"),
    baseRevision: belongsTo(
      "ManualPageRevision",
      "base_revision_id",
      "manual_proposal_base_revision_fkey",
      "SET NULL",
    ),
    mergedRevision: belongsTo(
      "ManualPageRevision",
      "merged_revision_id",
      "manual_proposal_merged_revision_fkey",
      "SET NULL",
    ),
    author: belongsTo("Person", "author_id", "manual_proposal_author_fkey", "CASCADE"),
    decidedBy: belongsTo("Person", "decided_by_id", "manual_proposal_decided_by_fkey", "SET NULL"),
  },
});
