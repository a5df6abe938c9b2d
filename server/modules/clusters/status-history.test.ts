import { describe, expect, it } from "vitest";
import {
  HISTORY_FIGURES,
  type HistoryFigures,
  type HistoryPoint,
  ROLLUP_MS,
  rollUp,
} from "./status-history.js";

const T0 = Date.parse("2026-11-25T08:00:00.000Z");
const figures = (value: number): HistoryFigures =>
  Object.fromEntries(HISTORY_FIGURES.map((figure) => [figure, value])) as HistoryFigures;
const point = (offsetMs: number, value: number): HistoryPoint => ({
  at: new Date(T0 + offsetMs),
  figures: figures(value),
});

describe("rollUp", () => {
  it("averages each five-minute bucket and stamps it with the bucket start, in time order", () => {
    const rolled = rollUp([
      point(ROLLUP_MS + 1000, 30),
      point(0, 10),
      point(30_000, 20),
      point(ROLLUP_MS + 31_000, 31),
    ]);
    expect(rolled.map((bucket) => bucket.at.getTime() - T0)).toEqual([0, ROLLUP_MS]);
    expect(rolled[0].figures.cpuAllocated).toBe(15);
    expect(rolled[1].figures.nodesReady).toBe(31);
  });

  it("gives nothing for nothing and one bucket for one point", () => {
    expect(rollUp([])).toEqual([]);
    expect(rollUp([point(42_000, 7)])).toEqual([{ at: new Date(T0), figures: figures(7) }]);
  });
});
