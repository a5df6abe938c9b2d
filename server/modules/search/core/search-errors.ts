/** Stable error codes of the search module; part of the public API contract. */
export type SearchErrorCode = "SEARCH_UNAVAILABLE" | "INVALID_CURSOR";

/** Base class so the error formatter can recognise every search error in one place. */
export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The search backend (PostgreSQL full-text or Meilisearch) cannot answer right now; retrying may help. */
export class SearchUnavailableError extends SearchError {
  constructor(message = "Search is temporarily unavailable.", options?: { cause?: unknown }) {
    super("SEARCH_UNAVAILABLE", message, options);
  }
}

/** An `after` cursor was not produced by this search (tampered, truncated or from an old version). */
export class InvalidCursorError extends SearchError {
  constructor(reason: string) {
    super("INVALID_CURSOR", `Invalid search cursor: ${reason}.`);
  }
}
