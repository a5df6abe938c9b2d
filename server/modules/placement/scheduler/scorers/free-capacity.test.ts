import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { freeCapacity } from "./free-capacity.js";

describe("Scorer: free offered capacity (4 replicas of 1 cpu)", () => {
  it.each([
    { name: "room for exactly the request scores 0", cpuFree: 4000, score: 0 },
    { name: "room for twice the request scores 25", cpuFree: 8000, score: 25 },
    { name: "room for sixteen times the request scores 100", cpuFree: 64000, score: 100 },
    { name: "more room than that is still 100", cpuFree: 640000, score: 100 },
    { name: "room for half the request scores -25", cpuFree: 2000, score: -25 },
    { name: "no room at all scores -100", cpuFree: 0, score: -100 },
  ])("$name", ({ cpuFree, score }) => {
    const cluster = newCluster("c1").withCpu(cpuFree).withMemoryGi(1024).build();
    expect(freeCapacity(cluster, newRequest({ replicas: 4 }), newContext())).toBe(score);
  });

  it("measures the offer's free part, not only the cluster's", () => {
    const cluster = newCluster("c1")
      .withCpu(64000)
      .withMemoryGi(1024)
      .withOffer({ caps: { cpu: 4000 } })
      .build();
    expect(freeCapacity(cluster, newRequest({ replicas: 4 }), newContext())).toBe(0);
  });
});
