/** The facts a catalog card and a page header show as badges. */
export interface BadgeFacts {
  official?: boolean;
  verified?: boolean;
  deprecated?: boolean;
  yanked?: boolean;
  prerelease?: boolean;
  containsSecurityUpdates?: boolean;
  signature?: { status: string };
}

const SIGNATURE_BADGES: Record<string, [string, string]> = {
  VERIFIED: ["Verified against the alliance keyring", "badge-success"],
  SIGNED: ["Signed (key not in the keyring)", "badge-neutral"],
  INVALID: ["Signature invalid", "badge-danger"],
};

/** Badges: official or verified publisher, signature status, deprecation, yank, prerelease, security updates. */
export function BlueprintBadges({ facts }: { facts: BadgeFacts }) {
  const badges: Array<[string, string]> = [];
  if (facts.official) badges.push(["Official", "badge-success"]);
  else if (facts.verified) badges.push(["Verified publisher", "badge-success"]);
  const signature = facts.signature ? SIGNATURE_BADGES[facts.signature.status] : undefined;
  if (signature) badges.push(signature);
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
