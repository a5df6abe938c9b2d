import { EntitySchema } from "typeorm";

/**
 * Every lexeme of every indexed `search_vector` (as PostgreSQL stored it, stemmed), in byte order (`COLLATE "C"`).
 * The PostgreSQL provider turns a prefix term (`metal:*`) into the exact lexemes that start with it before
 * searching: an exact GIN lookup is several times cheaper than GIN's partial match, and a term with no lexeme at
 * all is a typo that can be corrected without running the search first. Written in the transaction that indexes
 * the document, so it is never behind the index; lexemes of removed documents stay (harmless: they match nothing).
 */
export interface SearchLexemeRow {
  lexeme: string;
}

export const SearchLexemeEntity = new EntitySchema<SearchLexemeRow>({
  name: "SearchLexeme",
  tableName: "search_lexeme",
  columns: {
    lexeme: { type: "text", primary: true, collation: "C" },
  },
});
