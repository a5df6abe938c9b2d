import type { SearchDocument, SearchDocumentRef } from "../core/search-provider.js";
import { toMeiliVisibilityAttributes } from "../core/visibility.js";

/** A document as stored in Meilisearch: flat, filterable fields, dates as epoch milliseconds. */
export interface MeiliDocument extends Record<string, unknown> {
  uid: string;
  type: string;
  id: string;
  title: string;
  headings: string[];
  body: string;
  url: string;
  category: string | null;
  tags: string[];
  person: string | null;
  cooperative: string | null;
  release: string | null;
  status: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** Meilisearch ids allow only [A-Za-z0-9_-]: the (type, id) pair is encoded. */
export function meiliUid(ref: SearchDocumentRef): string {
  return Buffer.from(`${ref.type}:${ref.id}`, "utf8").toString("base64url");
}

export function toMeiliDocument(document: SearchDocument): MeiliDocument {
  return {
    uid: meiliUid(document),
    type: document.type,
    id: document.id,
    title: document.title,
    headings: document.headings ?? [],
    body: document.body,
    url: document.url,
    category: document.categorySlug?.toLowerCase() ?? null,
    tags: (document.tags ?? []).map((tag) => tag.toLowerCase()),
    person: document.authorHandle?.toLowerCase() ?? null,
    cooperative: document.cooperativeSlug?.toLowerCase() ?? null,
    release: document.release?.toLowerCase() ?? null,
    status: document.status ?? null,
    createdAtMs: document.createdAt.getTime(),
    updatedAtMs: document.updatedAt.getTime(),
    ...toMeiliVisibilityAttributes(document.visibility),
  };
}

/** Index settings: what is searched, filtered, faceted and sorted; typo tolerance stays on (Meilisearch default). */
export const MEILI_INDEX_SETTINGS = {
  searchableAttributes: ["title", "headings", "body"],
  filterableAttributes: [
    "type",
    "category",
    "tags",
    "person",
    "cooperative",
    "release",
    "status",
    "createdAtMs",
    "visibility_public",
    "visibility_signed_in",
    "visibility_cooperatives",
    "visibility_role",
  ],
  sortableAttributes: ["updatedAtMs", "createdAtMs"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: 10_000 },
};
