import { describe, expect, it } from "vitest";
import { parseQuoteHeader } from "./quotes.js";

describe("Quote header", () => {
  it.each([
    ["[!quote]", {}],
    ["[!quote @ada]", { author: "ada" }],
    ["[!quote @ada post:12]", { author: "ada", postId: "12" }],
    ["[!QUOTE   @Ada.L   post:7 ]", { author: "Ada.L", postId: "7" }],
    ["[!quote post:3]", { postId: "3" }],
    ["[!quote @ada post:x]", undefined],
    ["[!quote @ada] trailing", undefined],
    ["[!note]", undefined],
    ['[!quote @ada" x]', undefined],
  ])("reads %j", (line, expected) => {
    expect(parseQuoteHeader(line)).toEqual(expected);
  });
});
