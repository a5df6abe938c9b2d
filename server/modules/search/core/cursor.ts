import { InvalidCursorError } from "./search-errors.js";

/** Version written into every cursor; bump when the payload changes so old cursors fail loudly. */
export const SEARCH_CURSOR_VERSION = 1;

/** Deepest offset a cursor may point to; beyond it ranking is meaningless and backends get slow. */
export const MAX_SEARCH_OFFSET = 10_000;

/** Largest page a client may ask for. */
export const MAX_SEARCH_PAGE_SIZE = 100;

/** Longer strings are rejected before decoding, so garbage cannot cost much. */
const MAX_CURSOR_LENGTH = 100;

const BASE64URL = /^[A-Za-z0-9_-]+$/u;

/** What a cursor points at: the number of hits before the next one. */
export interface SearchCursor {
  offset: number;
}

/** Encodes a position as an opaque base64url string (`{"v":1,"o":offset}`). */
export function encodeSearchCursor(cursor: SearchCursor): string {
  if (!Number.isSafeInteger(cursor.offset) || cursor.offset < 0 || cursor.offset > MAX_SEARCH_OFFSET) {
    throw new RangeError(`cursor offset must be an integer in 0..${MAX_SEARCH_OFFSET}, got ${cursor.offset}`);
  }
  return Buffer.from(JSON.stringify({ v: SEARCH_CURSOR_VERSION, o: cursor.offset })).toString("base64url");
}

/** Decodes a cursor from a client. Throws `InvalidCursorError` for anything this module did not produce. */
export function decodeSearchCursor(cursor: string): SearchCursor {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
    throw new InvalidCursorError("wrong length");
  }
  if (!BASE64URL.test(cursor)) throw new InvalidCursorError("not base64url");
  const payload = parseJson(Buffer.from(cursor, "base64url").toString("utf8"));
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new InvalidCursorError("not an object");
  }
  const version: unknown = Reflect.get(payload, "v");
  const offset: unknown = Reflect.get(payload, "o");
  if (version !== SEARCH_CURSOR_VERSION) throw new InvalidCursorError("unsupported version");
  if (
    typeof offset !== "number" ||
    !Number.isSafeInteger(offset) ||
    offset < 0 ||
    offset > MAX_SEARCH_OFFSET
  ) {
    throw new InvalidCursorError("offset out of range");
  }
  return { offset };
}

/** The offset where a page starts: 0 without a cursor, otherwise the decoded offset. */
export function pageStartOffset(after: string | undefined): number {
  return after === undefined ? 0 : decodeSearchCursor(after).offset;
}

/** Clamps a requested page size to 1..MAX_SEARCH_PAGE_SIZE (non-numbers become 1). */
export function clampPageSize(first: number): number {
  if (!Number.isFinite(first)) return first === Number.POSITIVE_INFINITY ? MAX_SEARCH_PAGE_SIZE : 1;
  return Math.min(MAX_SEARCH_PAGE_SIZE, Math.max(1, Math.floor(first)));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidCursorError("not JSON");
  }
}
