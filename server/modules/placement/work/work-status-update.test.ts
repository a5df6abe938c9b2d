import { describe, expect, it } from "vitest";
import type { PlacementWork } from "../model/placement-work.entity.js";
import type { WorkReport } from "./work-report-schema.js";
import { mergeConditions, workStatusUpdate } from "./work-status-update.js";

const t0 = new Date("2026-11-25T08:00:00.000Z");
const t1 = new Date("2026-11-25T08:00:10.000Z");

const work = (overrides: Partial<PlacementWork> = {}): PlacementWork =>
  ({
    generation: 2,
    desiredState: "present",
    observedGeneration: null,
    conditions: [],
    availableSince: null,
    releasedAt: null,
    ...overrides,
  }) as PlacementWork;

const report = (overrides: Partial<WorkReport> = {}): WorkReport => ({
  generation: 2,
  conditions: [],
  objects: [],
  removed: false,
  ...overrides,
});

const available = (status: "True" | "False") => ({
  type: "Available" as const,
  status,
  reason: "R",
  message: "",
});

describe("mergeConditions", () => {
  it.each([
    ["keeps the time while the status holds", "True", "True", t0],
    ["moves it when the status changes", "False", "True", t1],
  ] as const)("%s", (_name, before, after, expected) => {
    const previous = [{ ...available(before), lastTransitionTime: t0.toISOString() }];
    expect(mergeConditions(previous, [available(after)], t1)[0].lastTransitionTime).toBe(
      expected.toISOString(),
    );
  });

  it("stamps new conditions and drops ones no longer reported", () => {
    const previous = [
      { type: "Degraded", status: "True" as const, reason: "R", message: "", lastTransitionTime: "x" },
    ];
    expect(mergeConditions(previous, [available("True")], t1)).toEqual([
      { ...available("True"), lastTransitionTime: t1.toISOString() },
    ]);
  });
});

describe("workStatusUpdate", () => {
  it.each([
    ["current generation, Available", work(), report({ conditions: [available("True")] }), true],
    ["already available", work({ availableSince: t0 }), report({ conditions: [available("True")] }), false],
    ["older generation", work(), report({ generation: 1, conditions: [available("True")] }), false],
    ["ABSENT work", work({ desiredState: "absent" }), report({ conditions: [available("True")] }), false],
    ["not available", work(), report({ conditions: [available("False")] }), false],
  ])("availableSince: %s → %s", (_name, row, input, expected) => {
    const update = workStatusUpdate(row, input, t1);
    expect(update.becameAvailable).toBe(expected);
    expect(update.changes.availableSince).toBe(expected ? t1 : undefined);
  });

  it.each([
    ["current generation", work({ desiredState: "absent" }), report({ removed: true }), true],
    ["older generation", work({ desiredState: "absent" }), report({ generation: 1, removed: true }), false],
    ["not removed", work({ desiredState: "absent" }), report(), false],
  ])("release: %s → %s", (_name, row, input, expected) => {
    const update = workStatusUpdate(row, input, t1);
    expect(update.released).toBe(expected);
    expect(update.changes.releasedAt).toBe(expected ? t1 : undefined);
  });

  it("ignores reports older than the stored one and reports after the release", () => {
    expect(workStatusUpdate(work({ observedGeneration: 2 }), report({ generation: 1 }), t1).ignored).toBe(
      true,
    );
    expect(workStatusUpdate(work({ releasedAt: t0 }), report(), t1).ignored).toBe(true);
    expect(workStatusUpdate(work({ observedGeneration: 1 }), report({ generation: 1 }), t1)).toMatchObject({
      ignored: false,
      changes: { observedGeneration: 1, reportedAt: t1 },
    });
  });
});
