/** The endpoints passport-openidconnect needs, read from the provider's discovery document. */
export interface DiscoveredProvider {
  issuer: string;
  authorizationURL: string;
  tokenURL: string;
  userInfoURL: string;
  jwksUri: string;
  /** RP-initiated logout; `null` when the provider has none. */
  endSessionURL: string | null;
  /** `acr` values the provider claims to support; empty when it does not say. */
  acrValuesSupported: string[];
}

/** Why discovery failed. A closed list: callers may switch over it. */
export type DiscoveryFailedReason =
  | "unreachable"
  | "bad_status"
  | "not_json"
  | "issuer_mismatch"
  | "missing_endpoint";

/** Thrown by `discoverProvider`; the hub should refuse to start rather than sign people in half-configured. */
export class DiscoveryFailed extends Error {
  constructor(
    readonly reason: DiscoveryFailedReason,
    message: string,
  ) {
    super(message);
    this.name = "DiscoveryFailed";
  }
}

/** The subset of `fetch` discovery uses; tests pass a fake. */
export type DiscoveryFetch = (url: string, init: { headers: Record<string, string> }) => Promise<Response>;

const documentUrl = (issuer: string): string =>
  `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;

function readEndpoint(document: Record<string, unknown>, key: string): string {
  const value = document[key];
  if (typeof value !== "string" || !URL.canParse(value)) {
    throw new DiscoveryFailed("missing_endpoint", `discovery document has no valid ${key}`);
  }
  return value;
}

/**
 * Reads `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0) and checks that the document
 * names exactly the configured issuer: tokens are later matched against it character by character.
 */
export async function discoverProvider(
  issuer: string,
  fetchFn: DiscoveryFetch = fetch,
): Promise<DiscoveredProvider> {
  let response: Response;
  try {
    response = await fetchFn(documentUrl(issuer), { headers: { accept: "application/json" } });
  } catch (error) {
    throw new DiscoveryFailed("unreachable", `cannot reach ${documentUrl(issuer)}: ${String(error)}`);
  }
  if (!response.ok) {
    throw new DiscoveryFailed("bad_status", `${documentUrl(issuer)} answered HTTP ${response.status}`);
  }
  const document: unknown = await response.json().catch(() => null);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new DiscoveryFailed("not_json", `${documentUrl(issuer)} is not a JSON object`);
  }
  const fields = document as Record<string, unknown>;
  if (fields.issuer !== issuer) {
    throw new DiscoveryFailed(
      "issuer_mismatch",
      `provider calls itself ${JSON.stringify(fields.issuer)}, configured issuer is ${JSON.stringify(issuer)}`,
    );
  }
  const acrValues = Array.isArray(fields.acr_values_supported) ? fields.acr_values_supported : [];
  return {
    issuer,
    authorizationURL: readEndpoint(fields, "authorization_endpoint"),
    tokenURL: readEndpoint(fields, "token_endpoint"),
    userInfoURL: readEndpoint(fields, "userinfo_endpoint"),
    jwksUri: readEndpoint(fields, "jwks_uri"),
    endSessionURL:
      fields.end_session_endpoint === undefined ? null : readEndpoint(fields, "end_session_endpoint"),
    acrValuesSupported: acrValues.filter((value): value is string => typeof value === "string"),
  };
}
