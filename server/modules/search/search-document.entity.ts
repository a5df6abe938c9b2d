import { EntitySchema } from "typeorm";

/**
 * One row per searchable thing (post, topic, manual page, blueprint, cluster), written by the PostgreSQL search
 * provider. `search_vector` holds the weighted text (title A, headings B, body C); visibility columns follow
 * `SEARCH_VISIBILITY_COLUMNS` so every query filters by what the viewer may see.
 */
export interface SearchDocumentRow {
  id: string;
  docType: string;
  docId: string;
  title: string;
  headings: string;
  body: string;
  url: string;
  cooperativeId: string | null;
  cooperativeSlug: string | null;
  categorySlug: string | null;
  tags: string[];
  authorHandle: string | null;
  release: string | null;
  status: string | null;
  createdAt: Date;
  updatedAt: Date;
  visibilityPublic: boolean;
  visibilityCooperativeIds: string[];
  visibilityRole: string | null;
  visibilitySignedIn: boolean;
  searchVector: string;
}

export const SearchDocumentEntity = new EntitySchema<SearchDocumentRow>({
  name: "SearchDocument",
  tableName: "search_document",
  columns: {
    id: { type: "uuid", primary: true, generated: "uuid" },
    docType: { type: "text", name: "doc_type" },
    docId: { type: "text", name: "doc_id" },
    title: { type: "text" },
    headings: { type: "text", default: "" },
    body: { type: "text" },
    url: { type: "text" },
    cooperativeId: { type: "text", name: "cooperative_id", nullable: true },
    cooperativeSlug: { type: "text", name: "cooperative_slug", nullable: true },
    categorySlug: { type: "text", name: "category_slug", nullable: true },
    tags: { type: "text", array: true, default: () => "'{}'" },
    authorHandle: { type: "text", name: "author_handle", nullable: true },
    release: { type: "text", nullable: true },
    status: { type: "text", nullable: true },
    createdAt: { type: "timestamptz", name: "created_at" },
    updatedAt: { type: "timestamptz", name: "updated_at" },
    visibilityPublic: { type: "boolean", name: "visibility_public" },
    visibilityCooperativeIds: {
      type: "text",
      array: true,
      name: "visibility_cooperative_ids",
      default: () => "'{}'",
    },
    visibilityRole: { type: "text", name: "visibility_role", nullable: true },
    visibilitySignedIn: { type: "boolean", name: "visibility_signed_in", default: false },
    searchVector: { type: "tsvector", name: "search_vector" },
  },
  uniques: [{ name: "search_document_ref_key", columns: ["docType", "docId"] }],
  indices: [
    // GIN indexes are created by the migration; TypeORM cannot express their operator classes.
    { name: "search_document_vector_idx", columns: ["searchVector"], synchronize: false },
    { name: "search_document_tags_idx", columns: ["tags"], synchronize: false },
    { name: "search_document_created_idx", columns: ["createdAt"] },
    // Operator-only searches list the newest first: walking this index stops after one page of candidates.
    { name: "search_document_updated_idx", columns: ["updatedAt"] },
  ],
});
