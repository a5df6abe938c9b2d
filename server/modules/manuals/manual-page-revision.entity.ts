import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Heading } from "../../markdown/index.js";
import type { Person } from "../people/person.entity.js";
import type { ManualPage } from "./manual-page.entity.js";

export const REVISION_SOURCES = ["sync", "edit", "proposal", "restore", "cut"] as const;
export type RevisionSource = (typeof REVISION_SOURCES)[number];

/**
 * One version of a page's text, numbered per page. The HTML and table of contents are rendered once, when the
 * revision is written, and served as stored. `authorId` is null for revisions loaded from `content/`.
 */
export interface ManualPageRevision {
  id: string;
  pageId: string;
  number: number;
  title: string;
  summary: string;
  markdown: string;
  html: string;
  toc: Heading[];
  authorId: string | null;
  message: string;
  source: RevisionSource;
  createdAt: Date;
  page?: ManualPage;
  author?: Person;
}

export const ManualPageRevisionEntity = new EntitySchema<ManualPageRevision>({
  name: "ManualPageRevision",
  tableName: "manual_page_revision",
  columns: {
    id: uuidPrimary,
    pageId: { type: "uuid", name: "page_id" },
    number: { type: "integer" },
    title: { type: "text" },
    summary: { type: "text", default: "" },
    markdown: { type: "text" },
    html: { type: "text" },
    toc: { type: "jsonb", default: () => "'[]'" },
    authorId: { type: "uuid", name: "author_id", nullable: true },
    message: { type: "text", default: "" },
    source: { type: "text" },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "manual_page_revision_page_number_key", columns: ["pageId", "number"] }],
  checks: [
    {
      name: "manual_page_revision_source_check",
      expression: "source IN ('sync', 'edit', 'proposal', 'restore', 'cut')",
    },
  ],
  relations: {
    page: belongsTo("ManualPage", "page_id", "manual_page_revision_page_fkey", "CASCADE"),
    author: belongsTo("Person", "author_id", "manual_page_revision_author_fkey", "SET NULL"),
  },
});
