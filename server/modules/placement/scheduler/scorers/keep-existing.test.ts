import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { keepExisting } from "./keep-existing.js";

describe("Scorer: keep existing placements", () => {
  it.each([
    { existing: 0, score: 0 },
    { existing: 1, score: 100 },
    { existing: 7, score: 100 },
  ])("$existing replicas already here scores $score", ({ existing, score }) => {
    const cluster = newCluster("c1").withExistingReplicas(existing).build();
    expect(keepExisting(cluster, newRequest(), newContext())).toBe(score);
  });
});
