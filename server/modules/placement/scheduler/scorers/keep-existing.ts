import type { Scorer } from "../types.js";

/** Moving running replicas costs a restart and data movement, so clusters already running some are preferred. */
export const keepExisting: Scorer = (cluster) => (cluster.existingReplicas > 0 ? 100 : 0);
