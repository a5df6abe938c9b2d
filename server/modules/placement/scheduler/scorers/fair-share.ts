import { clampScore } from "../score-range.js";
import type { Scorer } from "../types.js";

/**
 * Uses the requester's fair-share factor F (1 = gave more than it used, 0 = only takes) to steer capacity:
 * a generous requester gets stable capacity, a heavy consumer is steered to preemptible offers, which keeps
 * stable capacity for those who share. F = 0.5 is neutral. Scores are mirror images so the scorer never
 * favours anyone on clusters that are all alike.
 */
export const fairShare: Scorer = (cluster, _request, context) => {
  const factor = Math.min(1, Math.max(0, context.fairShare));
  const stablePreference = 200 * factor - 100;
  return clampScore(cluster.offer?.preemptible === true ? -stablePreference : stablePreference);
};
