import { balance } from "./scorers/balance.js";
import { fairShare } from "./scorers/fair-share.js";
import { freeCapacity } from "./scorers/free-capacity.js";
import { keepExisting } from "./scorers/keep-existing.js";
import { leaseLosses } from "./scorers/lease-losses.js";
import { preferOwn } from "./scorers/prefer-own.js";
import type { Scorer, SchedulerWeights, ScorerName } from "./types.js";

/** Every scorer by the name reported in explanations and used in weights. */
export const SCORERS: Readonly<Record<ScorerName, Scorer>> = {
  freeCapacity,
  fairShare,
  balance,
  keepExisting,
  leaseLosses,
  preferOwn,
};

/** Scorer names in reporting order. */
export const SCORER_NAMES: readonly ScorerName[] = [
  "freeCapacity",
  "fairShare",
  "balance",
  "keepExisting",
  "leaseLosses",
  "preferOwn",
];

/**
 * Default weights. Keeping running replicas in place and avoiding flaky clusters outweigh small differences in
 * room; `preferOwn` only acts when the request asks for it, so a high weight is safe.
 */
export const DEFAULT_WEIGHTS: Readonly<SchedulerWeights> = {
  freeCapacity: 1,
  fairShare: 1,
  balance: 1,
  keepExisting: 3,
  leaseLosses: 2,
  preferOwn: 3,
};
