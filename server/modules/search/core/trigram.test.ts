import { describe, expect, it } from "vitest";
import { trigramSimilarity, trigrams } from "./trigram.js";

describe("Trigram similarity (pg_trgm semantics)", () => {
  it("pads words like pg_trgm", () => {
    expect([...trigrams("cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
  });

  it.each([
    { first: "kubeam", second: "kubeadm", similarity: 0.5 },
    { first: "word", second: "word", similarity: 1 },
    { first: "Word", second: "wORD", similarity: 1 },
    { first: "abc", second: "xyz", similarity: 0 },
    { first: "", second: "abc", similarity: 0 },
    { first: "!!!", second: "!!!", similarity: 0 },
  ])("similarity($first, $second) = $similarity", ({ first, second, similarity }) => {
    expect(trigramSimilarity(first, second)).toBeCloseTo(similarity, 5);
  });
});
