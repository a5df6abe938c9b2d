import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { preferOwn } from "./prefer-own.js";

describe("Scorer: prefer own clusters", () => {
  it.each([
    { name: "own cluster, preference asked", owner: "coop-requester", prefer: true, score: 100 },
    { name: "own cluster, no preference", owner: "coop-requester", prefer: false, score: 0 },
    { name: "another cooperative's cluster, preference asked", owner: "coop-other", prefer: true, score: 0 },
  ])("$name scores $score", ({ owner, prefer, score }) => {
    const cluster = newCluster("c1").withCooperative(owner).build();
    const request = newRequest({ constraints: { preferOwnClusters: prefer } });
    expect(preferOwn(cluster, request, newContext())).toBe(score);
  });
});
