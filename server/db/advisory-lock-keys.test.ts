import { describe, expect, it } from "vitest";
import { ADVISORY_LOCK_KEYS } from "./advisory-lock-keys.js";

describe("advisory lock keys", () => {
  it("gives every single-runner job its own key", () => {
    const keys = Object.values(ADVISORY_LOCK_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps every key a safe integer PostgreSQL takes as bigint", () => {
    for (const key of Object.values(ADVISORY_LOCK_KEYS)) expect(Number.isSafeInteger(key)).toBe(true);
  });
});
