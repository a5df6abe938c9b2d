import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "./connection.js";

describe("Relay connections", () => {
  it("round-trips a keyset cursor", () => {
    expect(decodeCursor(encodeCursor(["Green Hosting", "id-1"]), 2)).toEqual(["Green Hosting", "id-1"]);
  });

  it.each([
    "",
    "%%%",
    encodeCursor(["only-one"]),
    Buffer.from('{"v":2,"k":["a","b"]}').toString("base64url"),
  ])("rejects the malformed cursor %j with BAD_USER_INPUT on after", (cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }),
      }),
    );
  });

  it("uses the extra row only to report a next page", () => {
    const connection = toConnection([1, 2, 3], 2, (n) => [n], false);
    expect(connection.edges.map((edge) => edge.node)).toEqual([1, 2]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor!, 1)).toEqual([2]);
  });

  it("refuses page sizes outside 0..100", () => {
    expect(() => pageSize(101)).toThrow(/first must be/);
    expect(() => pageSize(-1)).toThrow(/first must be/);
    expect(pageSize(undefined)).toBe(20);
  });
});
