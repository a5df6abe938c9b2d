import type { PolicyRules } from "../policy-rule.js";

/**
 * Capacity offers: only an admin of the cluster's cooperative decides what it shares (stewards accept clusters but
 * do not give away a cooperative's capacity). Offers are visible to stewards, to the owning cooperative and to
 * members of approved cooperatives (the resolver passes `viewerInApprovedCooperative`): pending applicants do not
 * see the federation's capacity.
 */
export const OFFER_RULES = {
  "offer.set": { write: true, allow: (subject) => subject.role === "admin" },
  "offer.read": {
    allow: (subject, resource) =>
      subject.isSteward || subject.role !== undefined || resource.viewerInApprovedCooperative === true,
  },
} satisfies PolicyRules;
