import type { PolicyRules } from "../policy-rule.js";

/** People, cooperatives, memberships, API tokens and the audit log. */
export const FOUNDATION_RULES = {
  "cooperative.apply": { write: true, allow: () => true },
  "cooperative.decide": { write: true, allow: (subject) => subject.isSteward },
  "cooperative.readPending": { allow: (subject) => subject.isSteward },
  "cooperative.update": { write: true, allow: (subject) => subject.role === "admin" || subject.isSteward },
  "cooperative.manageMembers": {
    write: true,
    allow: (subject) => subject.role === "admin" || subject.isSteward,
  },
  "cooperative.readMembers": { allow: (subject) => subject.role !== undefined || subject.isSteward },
  "cooperative.leave": { write: true, allow: (subject) => subject.role !== undefined },
  "invitation.accept": { write: true, allow: () => true },
  "audit.read": {
    allow: (subject, resource) =>
      subject.isSteward || (resource.cooperativeId !== undefined && subject.role === "admin"),
  },
  "apiToken.create": { write: true, stepUp: true, allow: (subject) => subject.viewer.method === "session" },
  "apiToken.revoke": {
    write: true,
    allow: (subject, resource) => resource.ownerId === subject.viewer.person.id,
  },
  "person.readEmail": {
    allow: (subject, resource) => resource.ownerId === subject.viewer.person.id || subject.isSteward,
  },
} satisfies PolicyRules;
