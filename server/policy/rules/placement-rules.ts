import type { PolicyRules } from "../policy-rule.js";

/**
 * Placements and the ledger. A cooperative's admins place, preview and cancel its workloads (`cooperativeId` is
 * the requesting cooperative). A placement is visible to its cooperative's members, to members of a cooperative
 * whose cluster runs part of it (the resolver passes `providerCooperativeIds`) and to stewards. A statement is
 * read by the cooperative's members and by stewards; fair-share standings by members of approved cooperatives.
 * Agents' own work is checked by cluster identity in the agent resolvers, not here: an agent is not a person.
 */
export const PLACEMENT_RULES = {
  "placement.create": { write: true, allow: (subject) => subject.role === "admin" },
  "placement.cancel": { write: true, allow: (subject) => subject.role === "admin" },
  "placement.read": {
    allow: (subject, resource) =>
      subject.isSteward ||
      subject.role !== undefined ||
      (Array.isArray(resource.providerCooperativeIds) &&
        resource.providerCooperativeIds.some((id) => subject.roleIn(String(id)) !== undefined)),
  },
  "ledger.statement.read": { allow: (subject) => subject.isSteward || subject.role !== undefined },
  "ledger.standings.read": {
    allow: (subject, resource) => subject.isSteward || resource.viewerInApprovedCooperative === true,
  },
} satisfies PolicyRules;
