import { schedule } from "../../server/modules/placement/scheduler/schedule.js";
import type { ClusterCandidate } from "../../server/modules/placement/scheduler/types.js";
import { benchRequest } from "./placement-candidates.js";
import { mean, percentile } from "./percentile.js";

/** The pure decision's time for one request shape over one candidate list. */
export interface PureScheduleFigures {
  shape: string;
  clusters: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** This process's CPU time per decision (all threads, GC included): steadier than wall time on a busy machine. */
  cpuMsPerDecision: number;
  /** How many decisions came out `ok` (the rest `NO_CAPACITY`), so a broken request cannot look fast. */
  ok: number;
}

const SHAPES = ["divided", "duplicated", "scarce"] as const;

/**
 * `schedule()` alone, in this process, `runs` times per request shape after `warmup` unmeasured runs (JIT). Each
 * run is a new placement id, so the tie-break hashes differ as they would between real requests.
 */
export function measurePureSchedule(
  candidates: readonly ClusterCandidate[],
  requesterCooperativeId: string,
  runs: number,
  warmup = 20,
): PureScheduleFigures[] {
  const context = { now: new Date(), fairShare: 0.5 };
  return SHAPES.map((shape) => {
    const times: number[] = [];
    let ok = 0;
    let cpuStart = process.cpuUsage();
    for (let run = -warmup; run < runs; run++) {
      const request = benchRequest(shape, `pure-${shape}-${run}`, requesterCooperativeId);
      const started = performance.now();
      const result = schedule(request, candidates, context);
      const elapsed = performance.now() - started;
      if (run < 0) {
        cpuStart = process.cpuUsage();
        continue;
      }
      times.push(elapsed);
      if (result.ok) ok++;
    }
    const cpu = process.cpuUsage(cpuStart);
    return {
      shape,
      clusters: candidates.length,
      runs,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      meanMs: mean(times),
      cpuMsPerDecision: (cpu.user + cpu.system) / 1000 / runs,
      ok,
    };
  });
}
