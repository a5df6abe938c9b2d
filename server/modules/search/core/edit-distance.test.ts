import { describe, expect, it } from "vitest";
import { allowedTypos, boundedEditDistance } from "./edit-distance.js";

describe("Bounded edit distance", () => {
  it.each([
    { first: "kubeam", second: "kubeadm", limit: 2, distance: 1 },
    { first: "stalls", second: "installs", limit: 1, distance: 2 },
    { first: "metlalb", second: "metallb", limit: 2, distance: 1 },
    { first: "same", second: "same", limit: 0, distance: 0 },
    { first: "", second: "abc", limit: 5, distance: 3 },
    { first: "abcdef", second: "uvwxyz", limit: 2, distance: 3 },
    { first: "a", second: "abcdefgh", limit: 2, distance: 3 },
    { first: "🚀x", second: "🚀y", limit: 1, distance: 1 },
  ])("distance($first, $second) within $limit is $distance", ({ first, second, limit, distance }) => {
    expect(boundedEditDistance(first, second, limit)).toBe(distance);
  });

  it.each([
    { length: 4, typos: 0 },
    { length: 5, typos: 1 },
    { length: 8, typos: 1 },
    { length: 9, typos: 2 },
  ])("allows $typos typos in a $length-character term", ({ length, typos }) => {
    expect(allowedTypos(length)).toBe(typos);
  });
});
