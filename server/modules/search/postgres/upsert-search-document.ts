import type { SearchDocument } from "../core/search-provider.js";
import type { Queryable } from "./queryable.js";
import { TEXT_SEARCH_CONFIG } from "./search-sql.js";

const WEIGHTED_VECTOR = `setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', $3), 'A')
  || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', $4), 'B')
  || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', $5), 'C')`;

/** Inserts or replaces one document by (type, id), computing its weighted vector in the database. */
export async function upsertSearchDocument(database: Queryable, document: SearchDocument): Promise<void> {
  await database.query(
    `INSERT INTO search_document (doc_type, doc_id, title, headings, body, url, cooperative_id, cooperative_slug,
       category_slug, tags, author_handle, release, status, created_at, updated_at, visibility_public,
       visibility_cooperative_ids, visibility_role, visibility_signed_in, search_vector)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, ${WEIGHTED_VECTOR})
     ON CONFLICT (doc_type, doc_id) DO UPDATE SET title = EXCLUDED.title, headings = EXCLUDED.headings,
       body = EXCLUDED.body, url = EXCLUDED.url, cooperative_id = EXCLUDED.cooperative_id,
       cooperative_slug = EXCLUDED.cooperative_slug, category_slug = EXCLUDED.category_slug, tags = EXCLUDED.tags,
       author_handle = EXCLUDED.author_handle, release = EXCLUDED.release, status = EXCLUDED.status,
       created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
       visibility_public = EXCLUDED.visibility_public, visibility_cooperative_ids = EXCLUDED.visibility_cooperative_ids,
       visibility_role = EXCLUDED.visibility_role, visibility_signed_in = EXCLUDED.visibility_signed_in,
       search_vector = EXCLUDED.search_vector`,
    [
      document.type,
      document.id,
      document.title,
      (document.headings ?? []).join("\n"),
      document.body,
      document.url,
      document.cooperativeId ?? null,
      document.cooperativeSlug ?? null,
      document.categorySlug ?? null,
      (document.tags ?? []).map((tag) => tag.toLowerCase()),
      document.authorHandle ?? null,
      document.release ?? null,
      document.status ?? null,
      document.createdAt,
      document.updatedAt,
      document.visibility.public,
      document.visibility.cooperativeIds ?? [],
      document.visibility.requiresRole ?? null,
      document.visibility.signedIn === true,
    ],
  );
}
