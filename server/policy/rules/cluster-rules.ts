import type { PolicyRules } from "../policy-rule.js";

/** Member clusters: the cooperative's admins manage their clusters, stewards decide what joins the federation. */
export const CLUSTER_RULES = {
  /** A join token admits a cluster to the alliance's control plane: admins only, with a fresh second factor. */
  "cluster.createJoinToken": { write: true, stepUp: true, allow: (subject) => subject.role === "admin" },
  "cluster.decide": { write: true, allow: (subject) => subject.isSteward },
  "cluster.manage": { write: true, allow: (subject) => subject.role === "admin" || subject.isSteward },
  /** Pending, denied and revoked clusters: their cooperative's members and stewards. */
  "cluster.readUnaccepted": { allow: (subject) => subject.role !== undefined || subject.isSteward },
  /** Credential details: the cooperative's admins and stewards. */
  "cluster.readCredential": { allow: (subject) => subject.role === "admin" || subject.isSteward },
  "cluster.list": { allow: () => true },
} satisfies PolicyRules;
