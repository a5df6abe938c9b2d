import type { JWK } from "jose";
import {
  type Account,
  type Configuration,
  type Grant,
  interactionPolicy,
  type KoaContextWithOIDC,
} from "oidc-provider";
import { ALLIANCE_ACR_MFA, ALLIANCE_ACR_VALUES } from "../oidc/acr-values.js";
import type { DemoPerson } from "./demo-people.js";
import { escapeHtml, htmlPage, renderErrorPage } from "./html-page.js";
import { requestedAcrValues } from "./login-decision.js";

/** A relying party registered with the development provider (normally just the hub itself). */
export interface DevOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/** Scopes the development provider offers; consent for all of them is granted automatically. */
export const DEV_PROVIDER_SCOPES = ["openid", "profile", "email", "groups"] as const;

/** Lifetimes in seconds: short enough for a demo, long enough for a working session. */
const TTL_SECONDS = {
  AccessToken: 60 * 60,
  AuthorizationCode: 60,
  IdToken: 60 * 60,
  Interaction: 15 * 60,
  Session: 8 * 60 * 60,
  Grant: 8 * 60 * 60,
  RefreshToken: 24 * 60 * 60,
};

function accountFinder(people: readonly DemoPerson[]) {
  return async (_ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> => {
    const person = people.find((candidate) => candidate.sub === sub);
    if (!person) return undefined;
    return {
      accountId: person.sub,
      // Which of these reach a token is decided by scope (see `claims` below), not here.
      claims: () => ({
        sub: person.sub,
        email: person.email,
        email_verified: true,
        name: person.name,
        preferred_username: person.preferred_username,
        groups: [...person.groups],
      }),
    };
  };
}

/**
 * Dev only: every registered client is first-party, so instead of a consent screen each sign-in gets a grant for
 * all offered scopes. This replaces oidc-provider's `loadExistingGrant`, which runs before the consent prompt.
 */
async function loadGrantWithAutomaticConsent(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { oidc } = ctx;
  const clientId = oidc.client?.clientId;
  const accountId = oidc.session?.accountId;
  if (!clientId || !accountId) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing?.accountId === accountId && existing.clientId === clientId
      ? existing
      : new oidc.provider.Grant({ accountId, clientId });
  grant.addOIDCScope(DEV_PROVIDER_SCOPES.join(" "));
  await grant.save();
  return grant;
}

/**
 * The default policy plus one check: a request with `acr_values` containing the MFA class re-prompts a person
 * whose session was password-only. oidc-provider treats `acr_values` as voluntary, the hub's step-up does not.
 */
function interactionPolicyWithMfa(): interactionPolicy.Policy {
  const policy = interactionPolicy.base();
  const check = new interactionPolicy.Check("mfa_requested", "a second factor was requested", (ctx) => {
    const { oidc } = ctx;
    if (!requestedAcrValues(oidc.params ?? {}).includes(ALLIANCE_ACR_MFA)) return false;
    if (oidc.result?.login) return false; // just signed in: the login page already enforced the second factor
    return oidc.acr !== ALLIANCE_ACR_MFA;
  });
  policy.get("login")?.checks.add(check);
  return policy;
}

async function renderError(ctx: KoaContextWithOIDC, out: Record<string, unknown>): Promise<void> {
  ctx.type = "html";
  ctx.body = renderErrorPage(
    "Sign-in failed",
    `${String(out.error)}: ${String(out.error_description ?? "")}`,
  );
}

async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  // `form` is oidc-provider's hidden form (with its anti-forgery token); the buttons submit it by id.
  ctx.body = htmlPage(
    "Sign out",
    `<h1>Sign out of the development provider?</h1>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></p>`,
  );
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.body = htmlPage("Signed out", `<h1>Signed out</h1>\n<p>${escapeHtml("You have signed out.")}</p>`);
}

/** Builds oidc-provider's configuration for the development provider. */
export function buildProviderConfiguration(input: {
  clients: readonly DevOidcClient[];
  people: readonly DemoPerson[];
  cookieKeys: string[];
  jwks: { keys: JWK[] };
  /** Path of the interaction pages, e.g. `/oidc/interaction`. */
  interactionsPath: string;
}): Configuration {
  return {
    clients: input.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      // passport-openidconnect 0.1.2 sends the secret in the body, and cannot send PKCE.
      token_endpoint_auth_method: "client_secret_post",
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    clientAuthMethods: ["client_secret_post"],
    responseTypes: ["code"],
    pkce: { required: () => false },
    scopes: [...DEV_PROVIDER_SCOPES],
    claims: {
      // oidc-provider puts acr/amr/auth_time in id_tokens only when requested; the hub wants them every time.
      openid: ["sub", "acr", "amr", "auth_time"],
      profile: ["name", "preferred_username"],
      email: ["email", "email_verified"],
      groups: ["groups"],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    // Put profile, email and groups in the id_token too, not only in userinfo: the hub maps verified claims.
    conformIdTokenClaims: false,
    acrValues: [...ALLIANCE_ACR_VALUES],
    findAccount: accountFinder(input.people),
    loadExistingGrant: loadGrantWithAutomaticConsent,
    interactions: {
      policy: interactionPolicyWithMfa(),
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `${input.interactionsPath}/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      revocation: { enabled: true },
    },
    cookies: {
      // Distinct names: the hub's own session cookie lives on the same host and path.
      names: { session: "dev_oidc_session", interaction: "dev_oidc_interaction", resume: "dev_oidc_resume" },
      keys: input.cookieKeys,
      long: { httpOnly: true, sameSite: "lax", signed: true },
      short: { httpOnly: true, sameSite: "lax", signed: true },
    },
    jwks: input.jwks,
    ttl: TTL_SECONDS,
    renderError,
  };
}
