import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { SearchUnavailableError } from "./modules/search/core/search-errors.js";
import { InvalidCursorError } from "./modules/search/core/search-errors.js";
import { createFormatError, forbidden, HubError } from "./errors.js";

/** Wraps an error the way graphql-js does for a resolver failure. */
function located(error: unknown): GraphQLError {
  return new GraphQLError(error instanceof Error ? error.message : "x", {
    path: ["field"],
    originalError: error instanceof Error ? error : undefined,
  });
}

function format(error: unknown) {
  const report = vi.fn();
  const wrapped = located(error);
  const formatted = createFormatError(report)(
    { message: wrapped.message, path: ["field"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    wrapped,
  );
  return { formatted, report };
}

describe("formatError", () => {
  it.each([
    ["a typed hub error", forbidden(), "FORBIDDEN"],
    [
      "a unique violation",
      Object.assign(new Error("duplicate key"), { code: "23505", constraint: "cooperative_slug_key" }),
      "CONFLICT",
    ],
    [
      "a serialization failure",
      Object.assign(new Error("could not serialize"), { code: "40001" }),
      "CONFLICT",
    ],
    [
      "a data exception",
      Object.assign(new Error("invalid input syntax for type uuid"), { code: "22P02" }),
      "BAD_USER_INPUT",
    ],
    [
      "a refused database connection",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      "SERVICE_UNAVAILABLE",
    ],
    [
      "a TypeORM-wrapped admin shutdown",
      Object.assign(new Error("query failed"), { driverError: { code: "57P01" } }),
      "SERVICE_UNAVAILABLE",
    ],
    ["an unreachable search engine", new SearchUnavailableError(), "SEARCH_UNAVAILABLE"],
    ["a forged search cursor", new InvalidCursorError("not base64"), "BAD_USER_INPUT"],
  ])("maps %s to its code without reporting it", (_label, error, code) => {
    const { formatted, report } = format(error);
    expect(formatted.extensions?.code).toBe(code);
    expect(report).not.toHaveBeenCalled();
  });

  it("hides unknown errors behind INTERNAL_SERVER_ERROR, reports them, and never returns a stack", () => {
    const secret = new Error("password=hunter2 at /srv/app.js:10");
    const { formatted, report } = format(secret);
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(formatted.message).not.toContain("hunter2");
    expect(JSON.stringify(formatted)).not.toMatch(/stack|app\.js/);
    expect(report).toHaveBeenCalledWith(secret);
  });

  it("keeps the extensions of typed errors, such as the fields of bad input", () => {
    const { formatted } = format(new HubError("BAD_USER_INPUT", "Invalid", { field: "input.slug" }));
    expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.slug" });
  });
});
