import { describe, expect, it } from "vitest";
import { needsRotation, rotationDueAt } from "./credential.js";

describe("Credential rotation timing", () => {
  const credential = {
    token: "t",
    issuedAt: "2026-11-25T00:00:00.000Z",
    expiresAt: "2026-11-26T00:00:00.000Z",
  };

  it("falls due once less than a fifth of the lifetime remains", () => {
    expect(rotationDueAt(credential).toISOString()).toBe("2026-11-25T19:12:00.000Z");
    expect(needsRotation(credential, new Date("2026-11-25T19:11:59Z"))).toBe(false);
    expect(needsRotation(credential, new Date("2026-11-25T19:12:00Z"))).toBe(true);
    expect(needsRotation(credential, new Date("2026-11-27T00:00:00Z"))).toBe(true);
  });
});
