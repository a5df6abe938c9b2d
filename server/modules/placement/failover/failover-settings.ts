import { ADVISORY_LOCK_KEYS } from "../../../db/advisory-lock-keys.js";
import type { SchedulerWeights } from "../scheduler/types.js";

/** How failover behaves; tests pass their own. */
export interface FailoverSettings {
  /**
   * At most this many shares moved per minute across every hub process: a network partition that makes many
   * clusters Unknown at once must not stampede the rest of the alliance (like Kubernetes' node eviction rate,
   * `--node-eviction-rate`, 0.1 node/s by default).
   */
  evictionsPerMinute: number;
  /** A placement that found no capacity elsewhere is tried again after this long, not on every run. */
  noCapacityRetrySeconds: number;
  /** How often each hub process looks for lost work. */
  intervalMs: number;
  /** The scheduler's scorer weights for the new decisions (the hub's configuration; defaults when absent). */
  weights?: SchedulerWeights;
}

export const DEFAULT_FAILOVER_SETTINGS: FailoverSettings = {
  evictionsPerMinute: 10,
  noCapacityRetrySeconds: 60,
  intervalMs: 10_000,
};

/** Advisory lock key of the failover job: one run at a time across every hub process sharing the database. */
export const FAILOVER_LOCK = ADVISORY_LOCK_KEYS.placementFailover;
