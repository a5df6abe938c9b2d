import type { ValidStatusReport } from "./status-report-schema.js";

/** The figures kept per history point: what the capacity charts draw. */
export const HISTORY_FIGURES = [
  "cpuAllocatable",
  "cpuAllocated",
  "cpuPending",
  "memoryAllocatable",
  "memoryAllocated",
  "memoryPending",
  "podsAllocated",
  "nodesReady",
] as const;
export type HistoryFigure = (typeof HISTORY_FIGURES)[number];
export type HistoryFigures = Record<HistoryFigure, number>;

/** The chart figures of one report. */
export function sampleFigures(report: ValidStatusReport): HistoryFigures {
  const { cpu, memory, pods } = report.resources;
  return {
    cpuAllocatable: cpu.allocatable,
    cpuAllocated: cpu.allocated,
    cpuPending: cpu.pending,
    memoryAllocatable: memory.allocatable,
    memoryAllocated: memory.allocated,
    memoryPending: memory.pending,
    podsAllocated: pods.allocated,
    nodesReady: report.nodes.ready,
  };
}

/** A point of a history series. */
export interface HistoryPoint {
  at: Date;
  figures: HistoryFigures;
}

/** Rollup bucket length. */
export const ROLLUP_MS = 5 * 60_000;
/** Raw points are kept this long, rollups this long. */
export const RAW_RETENTION_MS = 7 * 86_400_000;
export const ROLLUP_RETENTION_MS = 90 * 86_400_000;

/**
 * Five-minute rollups of raw points: the mean of each figure per bucket, stamped with the bucket's start. Pure;
 * buckets come out in time order.
 */
export function rollUp(points: readonly HistoryPoint[]): HistoryPoint[] {
  const buckets = new Map<number, HistoryPoint[]>();
  for (const point of points) {
    const start = Math.floor(point.at.getTime() / ROLLUP_MS) * ROLLUP_MS;
    const bucket = buckets.get(start) ?? [];
    bucket.push(point);
    buckets.set(start, bucket);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, bucket]) => ({
      at: new Date(start),
      figures: Object.fromEntries(
        HISTORY_FIGURES.map((figure) => [
          figure,
          Math.round(bucket.reduce((sum, point) => sum + (point.figures[figure] ?? 0), 0) / bucket.length),
        ]),
      ) as HistoryFigures,
    }));
}
