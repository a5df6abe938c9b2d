import type { GraphqlError } from "./graphql.js";

/** What the search page says when the search engine is away: the hub itself works, so trying again helps. */
export const SEARCH_UNAVAILABLE_MESSAGE =
  "Search is unavailable right now. The rest of the hub works; try again in a moment.";

/**
 * The errors the search page shows: `SEARCH_UNAVAILABLE` becomes one clear "try again" message (not the server's
 * wording, nor a generic failure); other errors (a bad cursor, the hub unreachable) keep their own messages.
 */
export function searchErrorView(errors: readonly GraphqlError[]): {
  unavailable: boolean;
  errors: GraphqlError[];
} {
  const unavailable = errors.some((error) => error.extensions?.code === "SEARCH_UNAVAILABLE");
  return {
    unavailable,
    errors: errors.filter((error) => error.extensions?.code !== "SEARCH_UNAVAILABLE"),
  };
}
