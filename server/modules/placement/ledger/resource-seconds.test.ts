import { describe, expect, it } from "vitest";
import type { ResourceAmounts } from "../scheduler/types.js";
import { resourceSeconds, resourceUnitSeconds, resourceWeight } from "./resource-seconds.js";

const GIBIBYTE = 1024 ** 3;
const FROM = new Date("2026-11-01T00:00:00Z");
const ONE_HOUR_LATER = new Date("2026-11-01T01:00:00Z");

describe("Ledger: resource-seconds", () => {
  it.each<{ name: string; reservation: ResourceAmounts; total: number }>([
    { name: "2 cores for an hour are 7200 core-seconds", reservation: { cpu: 2000 }, total: 7200 },
    { name: "8 GiB count as 2 cores", reservation: { memory: 8 * GIBIBYTE }, total: 7200 },
    {
      name: "100 GiB of storage count as 1 core",
      reservation: { "storage:ssd": 100 * GIBIBYTE },
      total: 3600,
    },
    { name: "one GPU counts as 20 cores", reservation: { "gpu:a100": 1 }, total: 72_000 },
    { name: "pods cost nothing by themselves", reservation: { pods: 5 }, total: 0 },
    { name: "unknown resources are not accounted", reservation: { "fpga:x": 3 }, total: 0 },
    { name: "resources add up", reservation: { cpu: 1000, memory: 4 * GIBIBYTE }, total: 7200 },
  ])("$name", ({ reservation, total }) => {
    expect(resourceSeconds(reservation, FROM, ONE_HOUR_LATER)).toBeCloseTo(total, 6);
  });

  it("is zero for a reversed interval", () => {
    expect(resourceSeconds({ cpu: 1000 }, ONE_HOUR_LATER, FROM)).toBe(0);
  });

  it("knows a weight per resource family", () => {
    expect(resourceWeight("storage:hdd")).toBe(resourceWeight("storage:ssd"));
    expect(resourceWeight("cpu")).toBe(0.001);
  });

  it("reports statement units: core-, GiB-, device- and pod-seconds", () => {
    const reservation = { cpu: 500, memory: 2 * GIBIBYTE, "storage:ssd": GIBIBYTE, "gpu:t4": 1, pods: 2 };
    expect(resourceUnitSeconds(reservation, FROM, ONE_HOUR_LATER)).toEqual({
      cpu: 1800,
      memory: 7200,
      "storage:ssd": 3600,
      "gpu:t4": 3600,
      pods: 7200,
    });
  });
});
