/** A JSON Schema node as the parameter form reads it (draft-07 subset). */
export interface SchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

/** A problem the hub reported for a parameter, keyed by JSON Pointer (`/pool/addresses/0`). */
export type ParameterProblems = Record<string, string>;

/** Version facts the blueprint page shows. */
export interface BlueprintVersionDetails {
  id: string;
  version: string;
  title: string;
  description: string;
  license: string;
  readmeHtml: string;
  parameterSchema: SchemaNode;
  examples: Array<{ name: string; values: unknown }>;
  changelog: Array<{ kind: string; description: string }>;
  components: Array<{ name: string; kind: string; version: string; digest: string; digestVerified: boolean }>;
  compatibility: { kubernetes: string };
  deprecated: boolean;
  replacedBy: string | null;
  prerelease: boolean;
  containsSecurityUpdates: boolean;
  yanked: boolean;
  yankReason: string | null;
  digest: string;
  contentDigest: string;
  sizeBytes: number;
  downloadPath: string;
  downloadCount: number;
  /** Accepted member clusters whose agent reports this version. */
  runningOn: number;
  createdAt: string;
  signature: { status: string; signed: boolean; verifiedAgainstKeyring: boolean; problem: string | null };
  installInstructions: { download: string[]; render: string[]; kubectl: string[]; helm: string[] };
  viewerCanYank: boolean;
}

/** The query of the blueprint page: the blueprint, its visible versions and one version in detail. */
export const BLUEPRINT_PAGE_QUERY = `query BlueprintPage($name: String!, $version: String!, $latest: Boolean!) {
  blueprint(name: $name) {
    id name title kind category keywords deprecated verified downloadCount runningOn
    publisher { official name cooperative { slug } }
    versions { version yanked prerelease createdAt downloadCount runningOn }
    latestVersion @include(if: $latest) { ...VersionDetails }
  }
  blueprintVersion(name: $name, version: $version) @skip(if: $latest) { ...VersionDetails }
}
fragment VersionDetails on BlueprintVersion {
  id version title description license readmeHtml parameterSchema examples { name values }
  changelog { kind description } components { name kind version digest digestVerified }
  compatibility { kubernetes } deprecated replacedBy prerelease containsSecurityUpdates yanked yankReason
  digest contentDigest sizeBytes downloadPath downloadCount runningOn createdAt
  signature { status signed verifiedAgainstKeyring problem }
  installInstructions { download render kubectl helm }
  viewerCanYank
}`;
