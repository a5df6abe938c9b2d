import { describe, expect, it } from "vitest";
import { computeStatusReport } from "../status/status-report.js";
import { SimulatedClusterSource } from "./simulated-source.js";

const START = new Date("2026-11-25T09:00:00Z");

function source(seed: number, at: Date, nodes = 50) {
  return new SimulatedClusterSource({ seed, nodes, now: () => at });
}

describe("Simulated cluster", () => {
  it("is deterministic for a seed and a time", async () => {
    expect(await source(42, START).snapshot()).toEqual(await source(42, START).snapshot());
    expect(await source(42, START).identity()).toEqual(await source(42, START).identity());
  });

  it("differs between seeds", async () => {
    const [first, second] = await Promise.all([source(1, START).identity(), source(2, START).identity()]);
    expect(first.clusterUid).not.toBe(second.clusterUid);
    expect(first.clusterUid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("has the requested nodes, a few of them GPU nodes", async () => {
    const snapshot = await source(7, START, 200).snapshot();
    expect(snapshot.nodes).toHaveLength(200);
    const gpuNodes = snapshot.nodes.filter((node) => node.capacity["nvidia.com/gpu"]);
    expect(gpuNodes.length).toBeGreaterThan(5);
    expect(gpuNodes.length).toBeLessThan(50);
  });

  it("drifts its load over time without exceeding node capacity", async () => {
    const allocatedAt = async (minutes: number) => {
      const at = new Date(START.getTime() + minutes * 60_000);
      const report = computeStatusReport("v1.34.2", await source(7, at).snapshot());
      expect(report.resources.cpu.allocated).toBeLessThanOrEqual(report.resources.cpu.allocatable);
      return report.resources.cpu.allocated;
    };
    const samples = await Promise.all([0, 10, 20, 30, 40].map(allocatedAt));
    expect(new Set(samples).size).toBeGreaterThan(1);
  });

  it("simulates 500 nodes quickly enough for benchmarks", async () => {
    const started = performance.now();
    const snapshot = await source(3, START, 500).snapshot();
    computeStatusReport("v1.34.2", snapshot);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(snapshot.pods.length).toBeGreaterThan(1000);
  });
});
