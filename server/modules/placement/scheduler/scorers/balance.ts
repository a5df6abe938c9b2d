import { demandOf } from "../replica-limits.js";
import { clampScore } from "../score-range.js";
import type { Scorer } from "../types.js";

/**
 * Spreads load across the alliance: prefers the cluster whose busiest requested resource is least used
 * ((allocated + pending) / allocatable). Empty scores 100, half full 0, full -100.
 */
export const balance: Scorer = (cluster, request) => {
  let utilisation = 0;
  for (const resource of demandOf(request).resources) {
    const capacity = cluster.capacity[resource];
    if (capacity === undefined || capacity.allocatable <= 0) continue;
    utilisation = Math.max(utilisation, (capacity.allocated + capacity.pending) / capacity.allocatable);
  }
  return clampScore(100 - 200 * Math.min(1, utilisation));
};
