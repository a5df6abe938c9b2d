import type { ParsedSearchQuery } from "../core/parsed-search-query.js";
import { phraseToTsquery, quoteLexeme, termTsqueryParts } from "../core/typo-tolerance.js";
import { type Queryable, queryRows } from "./queryable.js";
import { TEXT_SEARCH_CONFIG } from "./search-sql.js";

/**
 * A prefix with more indexed lexemes than this keeps PostgreSQL's own prefix match (`'co':*` would become a long
 * OR): one partial GIN scan is then cheaper than many exact ones.
 */
export const MAX_PREFIX_EXPANSION = 32;

/** Adds the lexemes of the given documents' vectors to `search_lexeme`, in one statement, in byte order. */
export async function rememberLexemes(
  database: Queryable,
  refs: Array<{ type: string; id: string }>,
): Promise<void> {
  if (refs.length === 0) return;
  await database.query(
    `INSERT INTO search_lexeme (lexeme)
     SELECT DISTINCT unnest(tsvector_to_array(d.search_vector)) COLLATE "C" AS lexeme
     FROM search_document d JOIN unnest($1::text[], $2::text[]) AS r(doc_type, doc_id)
       ON d.doc_type = r.doc_type AND d.doc_id = r.doc_id
     ORDER BY 1 ON CONFLICT DO NOTHING`,
    [refs.map((ref) => ref.type), refs.map((ref) => ref.id)],
  );
}

/** The positive text of a query as one tsquery (already normalised: pass it as `$n::tsquery`). */
export interface PreparedTsquery {
  /** Undefined when the query has no positive text (list by operators), or only stop words. */
  tsquery?: string;
  /** Terms with a piece that no indexed document contains: the AND cannot match while they stay. */
  unknownTerms: string[];
  /** The query had text, but only stop words: it matches nothing (as `to_tsquery` of stop words does). */
  onlyStopWords: boolean;
}

interface PartRow {
  normalized: string;
  /** What `lexemes` start with: the single stemmed prefix (`stem`), the raw piece (`raw`), or nothing. */
  source: "stem" | "raw" | null;
  lexemes: string[] | null;
}

/**
 * Normalises every term piece and phrase with `to_tsquery` (stemming, stop words) and replaces each prefix
 * (`'upgrad':*`) by the indexed lexemes that start with it (`'upgrad' | 'upgrade-test'`), in one round trip.
 * Same matches as the prefix, but GIN's exact lookup skips through the posting lists where its partial match
 * collects every entry of every matching lexeme first (bench/README.md: 2 ms instead of 9 to 14 ms for two
 * common words at 100,000 documents).
 */
export async function prepareTsquery(
  database: Queryable,
  query: ParsedSearchQuery,
): Promise<PreparedTsquery> {
  const parts = [
    ...query.terms.flatMap((term) => termTsqueryParts(term).map((part) => ({ ...part, term }))),
    ...query.phrases.flatMap((phrase) => {
      const text = phraseToTsquery(phrase);
      return text ? [{ text, raw: undefined, term: undefined }] : [];
    }),
  ];
  if (parts.length === 0) return { unknownTerms: [], onlyStopWords: false };
  const rows = await queryRows<PartRow>(
    database,
    `SELECT n.normalized, CASE WHEN s.stem IS NOT NULL THEN 'stem' WHEN p.raw IS NOT NULL THEN 'raw' END AS source,
       CASE WHEN coalesce(s.stem, p.raw) IS NOT NULL THEN ARRAY(
         SELECT l.lexeme FROM search_lexeme l
         WHERE l.lexeme >= coalesce(s.stem, p.raw) COLLATE "C"
           AND l.lexeme < (coalesce(s.stem, p.raw) || chr(1114111)) COLLATE "C"
         ORDER BY l.lexeme LIMIT ${MAX_PREFIX_EXPANSION + 1}) END AS lexemes
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(text, raw, position)
     CROSS JOIN LATERAL (SELECT to_tsquery('${TEXT_SEARCH_CONFIG}', p.text)::text AS normalized) n
     CROSS JOIN LATERAL (SELECT (regexp_match(n.normalized, '^''([^''\\\\]+)'':\\*$'))[1] AS stem) s
     ORDER BY p.position`,
    [parts.map((part) => part.text), parts.map((part) => part.raw ?? null)],
  );
  const pieces: string[] = [];
  const unknownTerms = new Set<string>();
  rows.forEach((row, index) => {
    const expansion = row.lexemes && row.lexemes.length <= MAX_PREFIX_EXPANSION ? row.lexemes : undefined;
    const alternatives = expansion?.map(quoteLexeme) ?? [];
    if (row.source === "stem") {
      // One prefix lexeme: the indexed lexemes starting with it are exactly what the prefix would match.
      if (!expansion) alternatives.splice(0, alternatives.length, `(${row.normalized})`);
      else if (expansion.length === 0 && parts[index].term !== undefined) unknownTerms.add(parts[index].term);
    } else if (row.normalized !== "") {
      // Stop word pieces drop out, as in to_tsquery. Other pieces keep their parsed form, and also match indexed
      // lexemes starting with the raw piece: `1e5a0b2c` alone parses as `'1e5' <-> 'a0b2c'`, but inside the
      // cluster name `edge-1e5a0b2c` it was indexed whole.
      alternatives.unshift(`(${row.normalized})`);
    }
    if (alternatives.length > 0) pieces.push(`(${alternatives.join(" | ")})`);
  });
  return {
    tsquery: pieces.length > 0 ? pieces.join(" & ") : undefined,
    unknownTerms: [...unknownTerms],
    onlyStopWords: pieces.length === 0 && unknownTerms.size === 0,
  };
}
