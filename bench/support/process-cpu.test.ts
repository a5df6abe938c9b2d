import { describe, expect, it } from "vitest";
import { parseProcStatCpuSeconds, readProcessCpuSeconds } from "./process-cpu.js";

const STAT =
  "4242 (node main) S 1 4242 4242 0 -1 4194560 9001 0 3 0 1234 56 0 0 20 0 11 0 442917 3133440 381";

describe("Process CPU time", () => {
  it("adds user and system ticks, even when the command name holds spaces and parentheses", () => {
    expect(parseProcStatCpuSeconds(STAT)).toBeCloseTo(12.9);
    expect(parseProcStatCpuSeconds(STAT.replace("(node main)", "(a) b (c)"), 1000)).toBeCloseTo(1.29);
  });

  it("refuses a line it cannot read", () => {
    expect(() => parseProcStatCpuSeconds("4242 (node) S 1")).toThrow(/unreadable/);
  });

  it("reads the CPU time of a running process, and nothing for one that does not exist", async () => {
    if (process.platform !== "linux") return;
    expect(await readProcessCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(await readProcessCpuSeconds(2 ** 30)).toBeUndefined();
  });
});
