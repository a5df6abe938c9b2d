import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";

/** Why an id_token was refused. A closed list: callers may switch over it. */
export type IdTokenRejectedReason =
  | "bad_signature"
  | "wrong_issuer"
  | "wrong_audience"
  | "expired"
  | "not_yet_valid"
  | "nonce_mismatch"
  | "malformed";

/** Thrown by `verifyIdToken` when a token must not be trusted. Carries no token content, only the reason. */
export class IdTokenRejected extends Error {
  constructor(
    readonly reason: IdTokenRejectedReason,
    message: string,
  ) {
    super(message);
    this.name = "IdTokenRejected";
  }
}

/** What a token must match. `jwks` is usually `createRemoteJWKSet(new URL(jwksUri))`. */
export interface VerifyIdTokenOptions {
  issuer: string;
  /** The hub's client id. */
  audience: string;
  /** The nonce the hub sent with the authorization request; checked when given. */
  nonce?: string;
  jwks: JWTVerifyGetKey;
  now?: () => Date;
  /** Allowed clock drift between hub and provider. Default 30 s. */
  clockToleranceSeconds?: number;
}

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** Translates jose's errors into reasons; anything that is not about the token (JWKS fetch failures) is rethrown. */
function rejectionFor(error: unknown): IdTokenRejected | null {
  if (error instanceof errors.JWTExpired) return new IdTokenRejected("expired", "id_token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "iss":
        return new IdTokenRejected("wrong_issuer", "id_token was issued by another issuer");
      case "aud":
        return new IdTokenRejected("wrong_audience", "id_token was issued to another client");
      case "nbf":
      case "iat":
        return new IdTokenRejected("not_yet_valid", `id_token is not valid yet (${error.claim})`);
      default:
        return new IdTokenRejected("malformed", `id_token claim ${error.claim} is invalid: ${error.reason}`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new IdTokenRejected(
      "bad_signature",
      "id_token signature does not verify against the provider's keys",
    );
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  ) {
    return new IdTokenRejected("malformed", "id_token is not a well-formed signed JWT");
  }
  return null;
}

/**
 * Verifies an id_token's signature against the provider's keys, then its issuer, audience, lifetime and nonce.
 * Defence in depth: passport-openidconnect 0.1.2 checks claims but never the signature.
 */
export async function verifyIdToken(idToken: string, options: VerifyIdTokenOptions): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, options.jwks, {
      issuer: options.issuer,
      audience: options.audience,
      currentDate: options.now?.(),
      clockTolerance: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["sub", "iat", "exp"],
    }));
  } catch (error) {
    throw rejectionFor(error) ?? error;
  }
  // OpenID Connect Core 3.1.3.7: with several audiences, the authorised party must be this client.
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length > 1 && payload.azp !== options.audience) {
    throw new IdTokenRejected(
      "wrong_audience",
      "id_token has several audiences and another authorised party",
    );
  }
  if (options.nonce !== undefined && payload.nonce !== options.nonce) {
    throw new IdTokenRejected("nonce_mismatch", "id_token nonce does not match the authorization request");
  }
  return payload;
}
