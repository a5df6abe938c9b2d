import { EntitySchema } from "typeorm";

/**
 * The words of the index (lower case, 4 to 40 characters), kept so a misspelt query word can be corrected to the
 * closest indexed word with pg_trgm before the full-text query runs ("kubeam" → "kubeadm").
 */
export interface SearchTermRow {
  term: string;
}

export const SearchTermEntity = new EntitySchema<SearchTermRow>({
  name: "SearchTerm",
  tableName: "search_term",
  columns: {
    term: { type: "text", primary: true },
  },
  indices: [{ name: "search_term_trigram_idx", columns: ["term"], synchronize: false }],
});
