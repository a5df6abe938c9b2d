import { describe, expect, it } from "vitest";
import { InvalidCursorError, SearchError, SearchUnavailableError } from "./search-errors.js";

describe("Search errors", () => {
  it("marks an unavailable backend with a stable code and keeps the cause", () => {
    const cause = new Error("connect ECONNREFUSED 127.0.0.1:7700");
    const error = new SearchUnavailableError(undefined, { cause });
    expect(error).toBeInstanceOf(SearchError);
    expect(error).toMatchObject({ code: "SEARCH_UNAVAILABLE", name: "SearchUnavailableError", cause });
    expect(error.message).toBe("Search is temporarily unavailable.");
  });

  it("explains why a cursor is invalid", () => {
    const error = new InvalidCursorError("unsupported version");
    expect(error).toBeInstanceOf(SearchError);
    expect(error).toMatchObject({
      code: "INVALID_CURSOR",
      message: "Invalid search cursor: unsupported version.",
    });
  });
});
