/** The facts a catalog card, a publisher page and a page header show as badges. */
export interface BadgeFacts {
  official?: boolean;
  /** Official, or the latest version verified against the keyring (`Blueprint.verified`). */
  verified?: boolean;
  deprecated?: boolean;
  yanked?: boolean;
  prerelease?: boolean;
  containsSecurityUpdates?: boolean;
  /** The signature of the version shown; when given it decides the signature badge. */
  signature?: { status: string };
}

const SIGNATURE_BADGES: Record<string, [string, string]> = {
  VERIFIED: ["Verified signature (alliance keyring)", "badge-success"],
  SIGNED: ["Signed, not verified (key not in the keyring)", "badge-neutral"],
  INVALID: ["Signature invalid", "badge-danger"],
  UNSIGNED: ["Unsigned", "badge-neutral"],
};

/**
 * The signature badge. Official content comes from the alliance's repository and is not signed: it gets its own
 * badge and never a "verified signature" one, so the two reasons to trust a blueprint are never confused.
 */
function trustBadge(facts: BadgeFacts): [string, string] | undefined {
  if (facts.official) return ["Official (alliance content)", "badge-success"];
  if (facts.signature) return SIGNATURE_BADGES[facts.signature.status];
  return facts.verified ? SIGNATURE_BADGES.VERIFIED : undefined;
}

/** Badges: official content or signature status, deprecation, yank, prerelease, security updates. */
export function BlueprintBadges({ facts }: { facts: BadgeFacts }) {
  const badges: Array<[string, string]> = [];
  const trust = trustBadge(facts);
  if (trust) badges.push(trust);
  if (facts.deprecated) badges.push(["Deprecated", "badge-warning"]);
  if (facts.yanked) badges.push(["Yanked", "badge-danger"]);
  if (facts.prerelease) badges.push(["Prerelease", "badge-neutral"]);
  if (facts.containsSecurityUpdates) badges.push(["Security updates", "badge-warning"]);
  return (
    <span className="card-badges">
      {badges.map(([label, kind]) => (
        <span key={label} className={`badge ${kind}`}>
          {label}
        </span>
      ))}
    </span>
  );
}
