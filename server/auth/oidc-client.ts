import { createRemoteJWKSet } from "jose";
import passportModule from "passport";
import { type Profile, Strategy, type VerifyCallback } from "passport-openidconnect";
import type { Request } from "express";
import { ALLIANCE_ACR_MFA } from "./oidc/acr-values.js";
import { type ClaimsMappingOptions, mapClaimsToProfile, type MappedProfile } from "./oidc/claims-mapping.js";
import { discoverProvider, type DiscoveredProvider } from "./oidc/discovery.js";
import { verifyIdToken } from "./oidc/verify-id-token.js";
import { enablePkce } from "./pkce.js";

/** The relying-party side of sign-in: where the provider is and how the hub identifies itself to it. */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  claims: ClaimsMappingOptions;
}

/** A sign-in the provider vouched for: the mapped profile plus the raw id_token for logout. */
export interface VerifiedSignIn {
  profile: MappedProfile;
  idToken: string;
}

export const SIGN_IN_STRATEGY = "alliance-oidc";
export const STEP_UP_STRATEGY = "alliance-oidc-step-up";

export interface OidcClient {
  passport: passportModule.Authenticator;
  provider: DiscoveredProvider;
}

/**
 * Discovers the provider and sets up two passport-openidconnect strategies: the normal sign-in and the step-up
 * sign-in that demands a second factor and a fresh login. Both verify the id_token's signature against the
 * provider's JWKS with jose, because passport-openidconnect checks claims but not signatures.
 */
export async function createOidcClient(settings: OidcClientSettings): Promise<OidcClient> {
  const provider = await discoverProvider(settings.issuer, (url, init) => fetch(url, init));
  const jwks = createRemoteJWKSet(new URL(provider.jwksUri));
  const passport = new passportModule.Authenticator();

  const verify = (
    _request: Request,
    _issuer: string,
    profile: Profile,
    _context: object,
    idToken: string | object,
    done: VerifyCallback,
  ) => {
    if (typeof idToken !== "string") {
      done(null, false, { message: "no id_token" });
      return;
    }
    verifyIdToken(idToken, { issuer: provider.issuer, audience: settings.clientId, jwks })
      .then((idClaims) => {
        // Userinfo carries profile, email and groups; the signed id_token wins for identity and authentication.
        const userinfo = (profile as Profile & { _json?: Record<string, unknown> })._json ?? {};
        const claims = { ...userinfo, ...idClaims };
        const signIn: VerifiedSignIn = { profile: mapClaimsToProfile(claims, settings.claims), idToken };
        done(null, signIn);
      })
      .catch((error: unknown) =>
        done(null, false, { message: error instanceof Error ? error.message : "invalid id_token" }),
      );
  };

  const baseOptions = {
    issuer: provider.issuer,
    authorizationURL: provider.authorizationURL,
    tokenURL: provider.tokenURL,
    userInfoURL: provider.userInfoURL,
    clientID: settings.clientId,
    clientSecret: settings.clientSecret,
    callbackURL: settings.callbackUrl,
    scope: ["profile", "email", "groups"],
    skipUserProfile: false,
    passReqToCallback: true as const,
    nonce: "true",
    sessionKey: "oidc:alliance",
  };
  const signIn = new Strategy(baseOptions, verify);
  const stepUp = new Strategy({ ...baseOptions, acrValues: ALLIANCE_ACR_MFA, prompt: "login" }, verify);
  enablePkce(signIn);
  enablePkce(stepUp);
  passport.use(SIGN_IN_STRATEGY, signIn);
  passport.use(STEP_UP_STRATEGY, stepUp);
  return { passport, provider };
}
