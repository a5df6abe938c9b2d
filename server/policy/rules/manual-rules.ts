import type { PolicyRules } from "../policy-rule.js";

/**
 * Stack manuals. `resource.isMaintainer` is computed by the manuals module (the viewer holds the manual's
 * maintainer role in person or through a cooperative); stewards may act as maintainers of every manual.
 */
export const MANUAL_RULES = {
  "manual.propose": { write: true, allow: () => true },
  "manual.rate": { write: true, allow: () => true },
  "manual.maintain": {
    write: true,
    allow: (subject, resource) => subject.isSteward || resource.isMaintainer === true,
  },
  "manual.readFeedback": {
    allow: (subject, resource) => subject.isSteward || resource.isMaintainer === true,
  },
  "manual.manageMaintainers": { write: true, allow: (subject) => subject.isSteward },
  "manual.comment": {
    write: true,
    allow: (subject, resource) =>
      subject.isSteward || resource.isMaintainer === true || resource.ownerId === subject.viewer.person.id,
  },
} satisfies PolicyRules;
