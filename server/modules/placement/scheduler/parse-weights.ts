import { DEFAULT_WEIGHTS, SCORER_NAMES } from "./scorer-chain.js";
import type { SchedulerWeights, ScorerName } from "./types.js";

/** Largest weight accepted: beyond it one scorer would drown every other (scores are -100..100). */
export const MAX_WEIGHT = 100;

/**
 * Parses operator-set scorer weights, `name=value` pairs separated by commas (`balance=2,preferOwn=0`), over
 * {@link DEFAULT_WEIGHTS}: names not given keep their default. Each value is a number from 0 (scorer off) to
 * {@link MAX_WEIGHT}. Empty text gives the defaults. Returns every problem at once.
 */
export function parseSchedulerWeights(
  text: string,
): { ok: true; weights: SchedulerWeights } | { ok: false; problems: string[] } {
  const weights: SchedulerWeights = { ...DEFAULT_WEIGHTS };
  const problems: string[] = [];
  for (const pair of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name, value, extra] = pair.split("=").map((part) => part.trim());
    if (!(SCORER_NAMES as readonly string[]).includes(name)) {
      problems.push(`unknown scorer "${name}" (known: ${SCORER_NAMES.join(", ")})`);
      continue;
    }
    const weight = value === undefined || value === "" || extra !== undefined ? Number.NaN : Number(value);
    if (!Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      problems.push(`${name} needs a number from 0 to ${MAX_WEIGHT}, not "${pair}"`);
      continue;
    }
    weights[name as ScorerName] = weight;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, weights };
}
