import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { leaseLosses } from "./lease-losses.js";

describe("Scorer: recent lease losses", () => {
  it.each([
    { losses: 0, score: 0 },
    { losses: 1, score: -25 },
    { losses: 3, score: -75 },
    { losses: 4, score: -100 },
    { losses: 40, score: -100 },
  ])("$losses losses score $score", ({ losses, score }) => {
    const cluster = newCluster("c1").withLeaseLosses(losses).build();
    expect(leaseLosses(cluster, newRequest(), newContext())).toBe(score);
  });
});
