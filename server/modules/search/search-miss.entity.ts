import { EntitySchema } from "typeorm";

/** A normalised query that found nothing, with how often and when it was last searched. */
export interface SearchMissRow {
  query: string;
  count: number;
  lastSearchedAt: Date;
}

export const SearchMissEntity = new EntitySchema<SearchMissRow>({
  name: "SearchMiss",
  tableName: "search_miss",
  columns: {
    query: { type: "text", primary: true },
    count: { type: "integer" },
    lastSearchedAt: { type: "timestamptz", name: "last_searched_at" },
  },
  indices: [{ name: "search_miss_count_idx", columns: ["count", "query"] }],
});
