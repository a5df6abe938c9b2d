import { FOUNDATION_RULES } from "./foundation-rules.js";

/**
 * Every domain's rules. A domain adds its file here; action names are unique across domains (checked at start).
 */
export const RULE_SETS = [FOUNDATION_RULES] as const;

/** Every action the policy knows. */
export type Action = keyof (typeof RULE_SETS)[number];
