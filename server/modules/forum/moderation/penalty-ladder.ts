import type { ForumPenaltyKind } from "./forum-penalty.entity.js";

/**
 * Discourse-style escalation: each earlier penalty of the same kind moves the next one a step up the ladder; past
 * the top it stays there. A month is 30 days and a year 365, so durations are exact in any calendar.
 */
export const PENALTY_LADDERS: Record<ForumPenaltyKind, readonly number[]> = {
  silence: [1, 7, 30],
  suspension: [7, 30, 365],
};

/** The duration in days of a person's next penalty of `kind`, given how many they had before. */
export function escalatedDays(kind: ForumPenaltyKind, priorCount: number): number {
  const ladder = PENALTY_LADDERS[kind];
  return ladder[Math.min(Math.max(0, priorCount), ladder.length - 1)];
}

/** When a penalty starting at `start` for `days` days ends. */
export function penaltyEnd(start: Date, days: number): Date {
  return new Date(start.getTime() + days * 86_400_000);
}
