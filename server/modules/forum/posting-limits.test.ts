import { describe, expect, it } from "vitest";
import { postFingerprint } from "./posting-limits.js";

describe("postFingerprint", () => {
  it("treats reflowed whitespace as the same post and different text as different", () => {
    expect(postFingerprint("  Has anyone seen\nthis   error? ")).toBe(
      postFingerprint("Has anyone seen this error?"),
    );
    expect(postFingerprint("Has anyone seen this error?")).not.toBe(
      postFingerprint("Has anyone seen that error?"),
    );
  });
});
