import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchMissList } from "./search-miss-list.js";

describe("SearchMissList", () => {
  it("lists each query with its count, linking to a fresh search", () => {
    const html = renderToStaticMarkup(
      <SearchMissList
        misses={[
          { query: "longhorn backups", count: 1200, lastSearchedAt: "2026-11-25T10:00:00Z" },
          { query: "a&b", count: 1, lastSearchedAt: "2026-11-24T10:00:00Z" },
        ]}
      />,
    );
    expect(html).toContain('href="/search?q=longhorn%20backups"');
    expect(html).toContain(">longhorn backups</a>");
    expect(html).toContain("<td>1,200</td>");
    expect(html).toContain("a&amp;b");
  });

  it("says so when nothing was missed", () => {
    expect(renderToStaticMarkup(<SearchMissList misses={[]} />)).toContain(
      "No searches have come back empty",
    );
  });
});
