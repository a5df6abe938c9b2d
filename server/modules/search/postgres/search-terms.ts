import { type Queryable, queryRows } from "./queryable.js";

const WORD = /[\p{L}\p{N}]{4,40}/gu;

/** The distinct lower-case words of a text worth correcting towards (4 to 40 letters or digits). */
export function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(WORD) ?? [])];
}

/** Adds words to the dictionary used for typo correction. */
export async function rememberTerms(database: Queryable, words: string[]): Promise<void> {
  if (words.length === 0) return;
  await database.query("INSERT INTO search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", [
    words,
  ]);
}

/**
 * The indexed word closest to `term` by trigram similarity (pg_trgm's `%`, threshold 0.3), or undefined. Ties go
 * to the alphabetically first word, so corrections are deterministic.
 */
export async function closestTerm(database: Queryable, term: string): Promise<string | undefined> {
  const rows = await queryRows<{ term: string }>(
    database,
    "SELECT term FROM search_term WHERE term % $1 AND term <> $1 ORDER BY similarity(term, $1) DESC, term LIMIT 1",
    [term],
  );
  return rows[0]?.term;
}
