import { clampScore } from "../score-range.js";
import type { Scorer } from "../types.js";

/** Penalty per lease lost recently: four losses reach the floor. */
const PENALTY_PER_LOSS = 25;

/** A cluster that keeps losing its lease is likely to lose the work too; a steady one scores 0 (neutral). */
export const leaseLosses: Scorer = (cluster) =>
  clampScore(-PENALTY_PER_LOSS * Math.max(0, cluster.recentLeaseLosses));
