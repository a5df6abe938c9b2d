import type { PolicyRules } from "../policy-rule.js";

/**
 * Search itself is public (results are filtered per viewer); the miss log is for those who curate content:
 * moderators and stewards, and maintainers of any manual (the misses show what the manuals lack).
 */
export const SEARCH_RULES = {
  "search.readMisses": {
    allow: (subject, resource) => subject.isModerator || resource.maintainsAManual === true,
  },
} satisfies PolicyRules;
