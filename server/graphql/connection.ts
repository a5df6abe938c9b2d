import { badUserInput } from "../errors.js";

/** Page size limits for every connection. */
export const MAX_PAGE_SIZE = 100;

/** A keyset position: the sort value(s) and the row ID of the last item seen. */
export type CursorKey = Array<string | number>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key }), "utf8").toString("base64url");
}

/** Decodes an opaque cursor; malformed input is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string, expectedLength: number): CursorKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "v" in parsed &&
      parsed.v === 1 &&
      "k" in parsed &&
      Array.isArray(parsed.k) &&
      parsed.k.length === expectedLength &&
      parsed.k.every((part: unknown) => typeof part === "string" || typeof part === "number")
    ) {
      return parsed.k as CursorKey;
    }
  } catch {
    // fall through to the typed error below
  }
  throw badUserInput("after is not a valid cursor", [{ field: "after", message: "malformed cursor" }]);
}

/** Validates `first`: 0..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, [
      { field: "first", message: `between 0 and ${MAX_PAGE_SIZE}` },
    ]);
  }
  return size;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Builds a Relay connection from rows fetched with `LIMIT first + 1`: the extra row only tells whether
 * there is a next page.
 */
export function toConnection<T>(
  rows: T[],
  first: number,
  keyOf: (row: T) => CursorKey,
  hasPreviousPage: boolean,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
