import { describe, expect, it } from "vitest";
import { fromGlobalId, parseGlobalId, toGlobalId } from "./global-id.js";

const ID = "0b6a3c52-9d0e-4d8f-8a59-6e4c2b1f7a10";

describe("Global IDs", () => {
  it("round-trips a type and a UUID", () => {
    expect(parseGlobalId(toGlobalId("Cooperative", ID))).toEqual({ typeName: "Cooperative", id: ID });
  });

  it.each([
    ["garbage", "not-base64!"],
    ["no separator", Buffer.from("Cooperative").toString("base64url")],
    ["not a uuid", Buffer.from("Cooperative:1; drop table").toString("base64url")],
    ["lowercase type", Buffer.from(`cooperative:${ID}`).toString("base64url")],
  ])("rejects %s", (_label, value) => {
    expect(parseGlobalId(value)).toBeUndefined();
  });

  it("refuses an ID of another type with BAD_USER_INPUT naming the field", () => {
    const personId = toGlobalId("Person", ID);
    expect(() => fromGlobalId(personId, "Cooperative", "input.id")).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "input.id" }),
      }),
    );
  });
});
