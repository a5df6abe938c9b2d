import type { PolicyRules } from "../policy-rule.js";

/** Search itself is public (results are filtered per viewer); the miss log is for those who curate content. */
export const SEARCH_RULES = {
  "search.readMisses": { allow: (subject) => subject.isModerator },
} satisfies PolicyRules;
