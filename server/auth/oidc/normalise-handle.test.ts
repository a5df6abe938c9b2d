import { describe, expect, it } from "vitest";
import { normaliseHandle } from "./normalise-handle.js";

describe("Handle normalisation", () => {
  it.each([
    ["ada", "ada"],
    ["Ada.Admin", "ada-admin"],
    ["  Zoë_Ünal  ", "zoe-unal"],
    ["--milo--", "milo"],
    ["sam@@steward", "sam-steward"],
    ["a".repeat(40), "a".repeat(32)],
    [`${"b".repeat(31)}-c`, "b".repeat(31)],
  ])("turns %j into %j", (candidate, expected) => {
    expect(normaliseHandle(candidate, "subject-1")).toBe(expected);
  });

  it("pads a too-short handle with a suffix stable for the subject", () => {
    const first = normaliseHandle("al", "subject-1");
    expect(first).toMatch(/^al-[0-9a-f]{6}$/);
    expect(normaliseHandle("AL", "subject-1")).toBe(first);
    expect(normaliseHandle("al", "subject-2")).not.toBe(first);
  });

  it("falls back to 'user' when nothing usable is left", () => {
    expect(normaliseHandle("???", "subject-1")).toMatch(/^user-[0-9a-f]{6}$/);
  });
});
