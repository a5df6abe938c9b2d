import { describe, expect, it } from "vitest";
import { compareReleaseNames, newestRelease } from "./release-order.js";

describe("release order", () => {
  it("compares release names numerically, not as text", () => {
    expect(compareReleaseNames("2026.9", "2026.10")).toBeLessThan(0);
    expect(compareReleaseNames("2027.1", "2026.12")).toBeGreaterThan(0);
    expect(compareReleaseNames("2026.11", "2026.11")).toBe(0);
  });

  it("finds the newest release, or none", () => {
    expect(newestRelease([{ name: "2026.10" }, { name: "2026.11" }, { name: "2026.9" }])?.name).toBe(
      "2026.11",
    );
    expect(newestRelease([])).toBeNull();
  });
});
