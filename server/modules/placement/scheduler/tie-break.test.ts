import { describe, expect, it } from "vitest";
import { tieBreakKey } from "./tie-break.js";

describe("Tie-break key", () => {
  it("is the same for the same placement and cluster", () => {
    expect(tieBreakKey("placement-1", "cluster-a")).toBe(tieBreakKey("placement-1", "cluster-a"));
  });

  it("is a non-negative safe integer", () => {
    const key = tieBreakKey("placement-1", "cluster-a");
    expect(Number.isSafeInteger(key) && key >= 0).toBe(true);
  });

  it("separates the two ids, so moving a character across the boundary changes the key", () => {
    expect(tieBreakKey("ab", "c")).not.toBe(tieBreakKey("a", "bc"));
  });

  it("orders the same clusters differently for different placements (no cluster always wins)", () => {
    const clusters = Array.from({ length: 20 }, (_, index) => `cluster-${index}`);
    const winner = (placementId: string): string =>
      clusters.reduce((best, id) =>
        tieBreakKey(placementId, id) < tieBreakKey(placementId, best) ? id : best,
      );
    const winners = new Set(Array.from({ length: 20 }, (_, index) => winner(`placement-${index}`)));
    expect(winners.size).toBeGreaterThan(5);
  });

  it("does not follow alphabetical order", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const sorted = [...ids].sort((left, right) => tieBreakKey("p", left) - tieBreakKey("p", right));
    expect(sorted).not.toEqual(ids);
  });

  it("keeps its values (explanations stored earlier stay reproducible)", () => {
    expect(tieBreakKey("placement-1", "cluster-a")).toBe(8267229678646196);
    expect(tieBreakKey("ab", "c")).toBe(6148766394332122);
    expect(tieBreakKey("", "")).toBe(4446763975410778);
    expect(tieBreakKey("ü€", "𝄞x")).toBe(4031487099776558);
  });
});
