/**
 * The namespace a guest cooperative's work runs in on a provider cluster:
 * `alliance-guest-<coop slug>-<first 8 hex of the placement id>`, at most 63 characters (a DNS label). The same
 * rule as the agent's `guestNamespaceName` (agent/work/guest-namespace.ts): the hub stores the name on the work
 * row and the agent creates exactly that namespace, so both must agree. The slug is cut (and trailing hyphens
 * dropped) so the placement suffix always survives.
 */
export function guestNamespaceName(cooperativeSlug: string, placementId: string): string {
  const suffix = placementId
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 8)
    .toLowerCase();
  const base = `alliance-guest-${cooperativeSlug}`.slice(0, 54).replace(/-+$/, "");
  return `${base}-${suffix}`;
}
