import { FOUNDATION_RULES } from "./foundation-rules.js";
import { BLUEPRINT_RULES } from "./blueprint-rules.js";
import { FORUM_RULES } from "./forum-rules.js";
import { FORUM_MODERATION_RULES } from "./forum-moderation-rules.js";
import { FORUM_MAIL_RULES } from "./forum-mail-rules.js";
import { CLUSTER_RULES } from "./cluster-rules.js";
import { SEARCH_RULES } from "./search-rules.js";
import { MANUAL_RULES } from "./manual-rules.js";
import { OFFER_RULES } from "./offer-rules.js";
import { PLACEMENT_RULES } from "./placement-rules.js";

/**
 * Every domain's rules. A domain adds its file here; action names are unique across domains (checked at start).
 */
export const RULE_SETS = [
  FOUNDATION_RULES,
  FORUM_RULES,
  FORUM_MODERATION_RULES,
  FORUM_MAIL_RULES,
  SEARCH_RULES,
  BLUEPRINT_RULES,
  CLUSTER_RULES,
  MANUAL_RULES,
  OFFER_RULES,
  PLACEMENT_RULES,
] as const;

/** Every action the policy knows. */
export type Action = KeysOfEach<(typeof RULE_SETS)[number]>;

// Distributes over the union of rule sets: a plain `keyof` of a union keeps only the keys all of them share.
type KeysOfEach<T> = T extends unknown ? keyof T : never;
