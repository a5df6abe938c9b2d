import type { EntityManager } from "typeorm";
import { schedule } from "../scheduler/schedule.js";
import type { ScheduleResult } from "../scheduler/schedule-result.js";
import type { PlacementRequest, SchedulerWeights, SchedulingContext } from "../scheduler/types.js";
import { type LoadedCandidates, loadCandidates } from "./load-candidates.js";

/**
 * Schedules `request` over every candidate: first on what `loadCandidates` has at hand (on a large fleet, the
 * process's snapshot, up to 250 ms old), and when that says NO_CAPACITY again on a fresh read, so a refusal never
 * rests on an old read. `fresh` skips the first step (a decision taken again after a failed re-check).
 * `avoidClusterIds` are left out (failover never adds to a cluster that already runs the placement).
 */
export async function scheduleCandidates(
  manager: EntityManager,
  request: PlacementRequest,
  context: SchedulingContext,
  weights: SchedulerWeights,
  options: { fresh?: boolean; avoidClusterIds?: ReadonlySet<string> } = {},
): Promise<{ result: ScheduleResult; loaded: LoadedCandidates }> {
  const decide = async (fresh: boolean) => {
    const loaded = await loadCandidates(manager, context.now, undefined, { fresh });
    const avoid = options.avoidClusterIds;
    const candidates =
      avoid && avoid.size > 0
        ? loaded.candidates.filter((cluster) => !avoid.has(cluster.id))
        : loaded.candidates;
    return { result: schedule(request, candidates, context, weights), loaded };
  };
  const first = await decide(options.fresh === true);
  return first.result.ok || first.loaded.fresh ? first : decide(true);
}
