import { describe, expect, it } from "vitest";
import { SEARCH_UNAVAILABLE_MESSAGE, searchErrorView } from "./search-errors.js";

describe("searchErrorView", () => {
  it("turns SEARCH_UNAVAILABLE into the unavailable state, without the server's own message", () => {
    const view = searchErrorView([
      {
        message: "The search engine (Meilisearch) is not reachable",
        extensions: { code: "SEARCH_UNAVAILABLE" },
      },
    ]);
    expect(view).toEqual({ unavailable: true, errors: [] });
    expect(SEARCH_UNAVAILABLE_MESSAGE).toMatch(/unavailable.*try again/u);
  });

  it("keeps other errors as they are", () => {
    const badCursor = { message: "Invalid cursor", extensions: { code: "BAD_USER_INPUT" } };
    expect(searchErrorView([badCursor])).toEqual({ unavailable: false, errors: [badCursor] });
    expect(searchErrorView([])).toEqual({ unavailable: false, errors: [] });
  });
});
