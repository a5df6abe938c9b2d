import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { balance } from "./balance.js";

describe("Scorer: balance", () => {
  it.each([
    { name: "an idle cluster scores 100", cpuUsed: 0, memoryUsedGi: 0, score: 100 },
    { name: "a half-used cluster scores 0", cpuUsed: 4000, memoryUsedGi: 0, score: 0 },
    { name: "a full cluster scores -100", cpuUsed: 8000, memoryUsedGi: 0, score: -100 },
    { name: "the busiest requested resource decides", cpuUsed: 2000, memoryUsedGi: 24, score: -50 },
    { name: "over-allocation is clamped", cpuUsed: 12000, memoryUsedGi: 0, score: -100 },
  ])("$name", ({ cpuUsed, memoryUsedGi, score }) => {
    const cluster = newCluster("c1").withCpu(8000, cpuUsed).withMemoryGi(32, memoryUsedGi).build();
    expect(balance(cluster, newRequest(), newContext())).toBe(score);
  });

  it("counts pending requests as used", () => {
    const cluster = newCluster("c1").withCpu(8000, 2000, 2000).withMemoryGi(32).build();
    expect(balance(cluster, newRequest(), newContext())).toBe(0);
  });
});
