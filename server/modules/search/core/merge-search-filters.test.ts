import { describe, expect, it } from "vitest";
import { mergeSearchFilters } from "./merge-search-filters.js";
import type { SearchFilters } from "./parsed-search-query.js";
import { parseSearchQuery } from "./query-parser.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("mergeSearchFilters", () => {
  it("adds filters the query does not have, keeping words and negations", () => {
    const { query, nothingMatches } = mergeSearchFilters(parseSearchQuery("kubeadm -tag:old"), {
      type: ["manual_page"],
      cooperative: ["fjord"],
      inTitle: true,
    });
    expect(nothingMatches).toBe(false);
    expect(query.terms).toEqual(["kubeadm"]);
    expect(query.filters).toEqual({ type: ["manual_page"], cooperative: ["fjord"], inTitle: true });
    expect(query.excludedFilters).toEqual({ tag: ["old"] });
  });

  it("keeps only values in both when the query and the filters name the same filter", () => {
    const { query } = mergeSearchFilters(parseSearchQuery("type:post,topic category:a"), {
      type: ["topic", "blueprint"],
      category: ["a"],
    });
    expect(query.filters.type).toEqual(["topic"]);
    expect(query.filters.category).toEqual(["a"]);
  });

  it("reports a contradiction (disjoint values, other status, empty date range) with a notice", () => {
    const cases: Array<[string, SearchFilters]> = [
      ["type:post", { type: ["blueprint"] }],
      ["status:solved", { status: "unsolved" }],
      ["after:2026-05-01", { before: day("2026-04-01") }],
    ];
    for (const [raw, extra] of cases) {
      const merged = mergeSearchFilters(parseSearchQuery(raw), extra);
      expect(merged.nothingMatches, raw).toBe(true);
      expect(merged.query.notices.join(" ")).toMatch(/contradict/u);
    }
  });

  it("narrows dates to the tighter bound", () => {
    const { query } = mergeSearchFilters(parseSearchQuery("before:2026-06-01 after:2026-01-01"), {
      before: day("2026-05-01"),
      after: day("2025-01-01"),
    });
    expect(query.filters.before).toEqual(day("2026-05-01"));
    expect(query.filters.after).toEqual(day("2026-01-01"));
  });
});
