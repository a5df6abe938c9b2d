import { describe, expect, it } from "vitest";
import { buildNode, buildPod } from "../testing/cluster-builders.js";
import { shouldReport } from "./should-report.js";
import { computeStatusReport, type StatusReport } from "./status-report.js";

const SENT_AT = new Date("2026-11-25T09:00:00Z");
const SOON = new Date("2026-11-25T09:00:10Z");

function reportWithCpuRequest(cpu: string): StatusReport {
  return computeStatusReport("v1.34.2", {
    nodes: [buildNode("n1"), buildNode("n2")],
    pods: [buildPod("a", "n1", { cpu, memory: "1Gi" })],
  });
}

describe("shouldReport", () => {
  it("reports when nothing was sent yet", () => {
    expect(shouldReport(undefined, reportWithCpuRequest("1"), undefined, SOON)).toBe(true);
  });

  it("stays quiet when nothing moved within the interval", () => {
    expect(shouldReport(reportWithCpuRequest("1"), reportWithCpuRequest("1"), SENT_AT, SOON)).toBe(false);
  });

  it.each([
    ["1", "1040m", false],
    ["1", "1060m", true],
    ["1", "940m", true],
  ])("with allocated cpu moving from %s to %s reports: %s", (before, after, expected) => {
    const previous = reportWithCpuRequest(before);
    const next = reportWithCpuRequest(after);
    expect(shouldReport(previous, next, SENT_AT, SOON)).toBe(expected);
  });

  it("reports once the interval elapsed even without change", () => {
    const report = reportWithCpuRequest("1");
    expect(shouldReport(report, report, SENT_AT, new Date("2026-11-25T09:00:30Z"))).toBe(true);
    expect(shouldReport(report, report, SENT_AT, new Date("2026-11-25T09:00:29Z"))).toBe(false);
    expect(shouldReport(report, report, SENT_AT, new Date("2026-11-25T09:00:05Z"), 5000)).toBe(true);
  });

  it("reports a figure that moves away from zero, a new figure, and a new version", () => {
    const previous = reportWithCpuRequest("1");
    const withPending: StatusReport = structuredClone(previous);
    withPending.resources.cpu.pending = 1;
    expect(shouldReport(previous, withPending, SENT_AT, SOON)).toBe(true);
    const withGpu: StatusReport = structuredClone(previous);
    withGpu.gpus.any = { capacity: 0, allocatable: 0, allocated: 0, pending: 1 };
    expect(shouldReport(previous, withGpu, SENT_AT, SOON)).toBe(true);
    expect(shouldReport(previous, { ...previous, kubernetesVersion: "v1.35.0" }, SENT_AT, SOON)).toBe(true);
  });
});
