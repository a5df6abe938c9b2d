/** Lowest score a scorer may give. */
export const MIN_SCORE = -100;
/** Highest score a scorer may give. */
export const MAX_SCORE = 100;

/** Rounds to an integer inside -100..100 (NaN becomes 0, so a bad input never dominates; -0 becomes 0). */
export function clampScore(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.round(Math.min(MAX_SCORE, Math.max(MIN_SCORE, value))) + 0;
}
