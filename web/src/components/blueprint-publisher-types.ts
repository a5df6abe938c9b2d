/** A signing key as the publisher page lists it. */
export interface PublisherKey {
  id: string;
  name: string;
  fingerprint: string;
  trusted: boolean;
  revokedAt: string | null;
  cooperative: { name: string; slug: string } | null;
}

/** A blueprint of a publisher with its latest version's facts. */
export interface PublisherBlueprint {
  id: string;
  name: string;
  title: string;
  description: string;
  kind: string;
  deprecated: boolean;
  verified: boolean;
  downloadCount: number;
  runningOn: number;
  publisher: { official: boolean };
  latestVersion: { version: string; prerelease: boolean; signature: { status: string } } | null;
}

/** What the publisher page loads: the cooperative (or the keyring for the alliance) and the live blueprints. */
export interface PublisherData {
  cooperative?: { id: string; name: string; slug: string; blueprintSigningKeys: PublisherKey[] } | null;
  blueprintKeyring?: PublisherKey[];
  blueprints: { totalCount: number; edges: Array<{ node: PublisherBlueprint }> } | null;
}

/**
 * The publisher page's query: `slug` is a cooperative's slug or "alliance". For a cooperative, its registered keys
 * (each saying whether the keyring trusts it); for the alliance, whose content is unsigned, the keyring itself.
 */
export const PUBLISHER_QUERY = `query BlueprintPublisher($slug: String!, $official: Boolean!) {
  cooperative(slug: $slug) @skip(if: $official) {
    id name slug
    blueprintSigningKeys { ...PublisherKey }
  }
  blueprintKeyring @include(if: $official) { ...PublisherKey }
  blueprints(first: 100, filter: { publisher: $slug }) {
    totalCount
    edges { node {
      id name title description kind deprecated verified downloadCount runningOn publisher { official }
      latestVersion { version prerelease signature { status } }
    } }
  }
}
fragment PublisherKey on SigningKey { id name fingerprint trusted revokedAt cooperative { name slug } }`;
