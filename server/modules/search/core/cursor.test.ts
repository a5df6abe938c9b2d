import { describe, expect, it } from "vitest";
import {
  clampPageSize,
  decodeSearchCursor,
  encodeSearchCursor,
  MAX_SEARCH_OFFSET,
  MAX_SEARCH_PAGE_SIZE,
  pageStartOffset,
} from "./cursor.js";
import { InvalidCursorError } from "./search-errors.js";

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("Search cursors", () => {
  it.each([0, 1, 37, MAX_SEARCH_OFFSET])("round-trips offset %i", (offset) => {
    const cursor = encodeSearchCursor({ offset });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/u);
    expect(decodeSearchCursor(cursor)).toEqual({ offset });
  });

  it.each([-1, 1.5, MAX_SEARCH_OFFSET + 1])("refuses to encode offset %s", (offset) => {
    expect(() => encodeSearchCursor({ offset })).toThrow(RangeError);
  });

  it.each([
    { name: "empty", cursor: "" },
    { name: "garbage", cursor: "not a cursor!" },
    { name: "standard base64 padding", cursor: `${encodeJson({ v: 1, o: 2 })}==` },
    { name: "valid base64url but not JSON", cursor: Buffer.from("hello").toString("base64url") },
    { name: "JSON but not an object", cursor: encodeJson([1, 2]) },
    { name: "JSON null", cursor: encodeJson(null) },
    { name: "missing version", cursor: encodeJson({ o: 2 }) },
    { name: "wrong version", cursor: encodeJson({ v: 2, o: 2 }) },
    { name: "version as a string", cursor: encodeJson({ v: "1", o: 2 }) },
    { name: "negative offset", cursor: encodeJson({ v: 1, o: -5 }) },
    { name: "fractional offset", cursor: encodeJson({ v: 1, o: 2.5 }) },
    { name: "huge offset", cursor: encodeJson({ v: 1, o: 1e300 }) },
    { name: "offset past the limit", cursor: encodeJson({ v: 1, o: MAX_SEARCH_OFFSET + 1 }) },
    { name: "offset as a string", cursor: encodeJson({ v: 1, o: "3" }) },
    { name: "very long input", cursor: "A".repeat(10_000) },
  ])("rejects a cursor that is $name", ({ cursor }) => {
    expect(() => decodeSearchCursor(cursor)).toThrow(InvalidCursorError);
  });

  it("marks the error with a stable code", () => {
    try {
      decodeSearchCursor("###");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCursorError);
      expect(error).toMatchObject({ code: "INVALID_CURSOR", name: "InvalidCursorError" });
    }
  });

  it("starts at zero without a cursor", () => {
    expect(pageStartOffset(undefined)).toBe(0);
    expect(pageStartOffset(encodeSearchCursor({ offset: 20 }))).toBe(20);
  });

  it.each([
    { first: 10, expected: 10 },
    { first: 0, expected: 1 },
    { first: -3, expected: 1 },
    { first: 2.7, expected: 2 },
    { first: 10_000, expected: MAX_SEARCH_PAGE_SIZE },
    { first: Number.NaN, expected: 1 },
    { first: Number.POSITIVE_INFINITY, expected: MAX_SEARCH_PAGE_SIZE },
  ])("clamps a page size of $first to $expected", ({ first, expected }) => {
    expect(clampPageSize(first)).toBe(expected);
  });
});
