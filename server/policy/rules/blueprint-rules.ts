import type { PolicyRules } from "../policy-rule.js";

/**
 * Cluster blueprints. Reading the catalog, rendering and downloading are public; cooperatives publish under their
 * own name (their admins), the publisher's admins or a steward yank, stewards keep the alliance keyring.
 */
export const BLUEPRINT_RULES = {
  "blueprint.publish": { write: true, allow: (subject) => subject.role === "admin" },
  "blueprint.yank": { write: true, allow: (subject) => subject.role === "admin" || subject.isSteward },
  "blueprint.registerSigningKey": { write: true, allow: (subject) => subject.role === "admin" },
  "blueprint.trustSigningKey": { write: true, allow: (subject) => subject.isSteward },
} satisfies PolicyRules;
