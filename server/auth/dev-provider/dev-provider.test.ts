import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createRemoteJWKSet, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLIANCE_ACR_MFA, ALLIANCE_ACR_PASSWORD } from "../oidc/acr-values.js";
import { type DiscoveredProvider, discoverProvider } from "../oidc/discovery.js";
import { IdTokenRejected, verifyIdToken } from "../oidc/verify-id-token.js";
import { createDevOidcProvider, DevProviderRefused } from "./create-dev-provider.js";
import { DEMO_PEOPLE } from "./demo-people.js";
import { TestCookieJar } from "./test-cookie-jar.js";

const CLIENT = {
  clientId: "alliance-hub",
  clientSecret: "dev-secret-for-tests",
  redirectUris: ["http://127.0.0.1/auth/callback"],
  postLogoutRedirectUris: ["http://127.0.0.1/"],
};

let server: Server;
let issuer: string;
let discovered: DiscoveredProvider;
let jwks: ReturnType<typeof createRemoteJWKSet>;

beforeAll(async () => {
  const app = express();
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
  const { handler } = await createDevOidcProvider({
    issuer,
    clients: [CLIENT],
    people: DEMO_PEOPLE,
    cookieKeys: ["test-cookie-key"],
  });
  app.use("/oidc", handler);
  discovered = await discoverProvider(issuer);
  jwks = createRemoteJWKSet(new URL(discovered.jwksUri));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** One browser: a cookie jar and fetch that never follows redirects on its own. */
function browser() {
  const jar = new TestCookieJar();
  return async (url: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: jar.headerFor(url),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    jar.store(response);
    const location = response.headers.get("location");
    return { response, location: location ? new URL(location, url).href : null };
  };
}
type Browser = ReturnType<typeof browser>;

function authorizeUrl(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: CLIENT.clientId,
    response_type: "code",
    scope: "openid profile email groups",
    redirect_uri: CLIENT.redirectUris[0],
    state: "state-1",
    nonce: "nonce-1",
    ...extra,
  });
  return `${discovered.authorizationURL}?${params}`;
}

/** Follows redirects inside the provider until it leaves it (the client callback) or shows a page. */
async function follow(go: Browser, url: string) {
  let step = await go(url);
  while (step.location?.startsWith(issuer)) step = await go(step.location);
  return step;
}

/** Authorize → login page → choose a person → back at the client's callback with a code. */
async function signIn(
  go: Browser,
  person: string,
  options: { secondFactor: boolean; extra?: Record<string, string> },
) {
  const loginPage = await follow(go, authorizeUrl(options.extra));
  expect(loginPage.response.status).toBe(200);
  const html = await loginPage.response.text();
  const action = /<form method="post" action="([^"]+\/login)">/.exec(html)?.[1];
  const form: Record<string, string> = { sub: person };
  if (options.secondFactor) form.secondFactor = "yes";
  const submitted = await go(new URL(action ?? "", issuer).href, { form });
  return { html, submitted, callback: submitted.location ? await follow(go, submitted.location) : submitted };
}

async function exchangeCode(code: string, secret = CLIENT.clientSecret) {
  return fetch(discovered.tokenURL, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: CLIENT.redirectUris[0],
      client_id: CLIENT.clientId,
      client_secret: secret,
    }),
  });
}

async function tokensFor(callbackUrl: string | null): Promise<{ id_token: string; access_token: string }> {
  const callback = new URL(callbackUrl ?? "");
  expect(`${callback.origin}${callback.pathname}`).toBe(CLIENT.redirectUris[0]);
  expect(callback.searchParams.get("state")).toBe("state-1");
  const response = await exchangeCode(callback.searchParams.get("code") ?? "");
  expect(response.status).toBe(200);
  return response.json();
}

const verify = (idToken: string, overrides: { issuer?: string } = {}): Promise<JWTPayload> =>
  verifyIdToken(idToken, {
    issuer: overrides.issuer ?? issuer,
    audience: CLIENT.clientId,
    nonce: "nonce-1",
    jwks,
  });

describe("Development OpenID provider: authorization code flow", () => {
  it("advertises what passport-openidconnect and the hub need", async () => {
    const document = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(document.issuer).toBe(issuer);
    expect(document.token_endpoint_auth_methods_supported).toEqual(["client_secret_post"]);
    expect(document.acr_values_supported).toEqual([ALLIANCE_ACR_PASSWORD, ALLIANCE_ACR_MFA]);
    expect(document.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "profile", "email", "groups"]),
    );
    expect(document.claims_supported).toEqual(expect.arrayContaining(["groups", "amr", "acr", "auth_time"]));
    expect(discovered.endSessionURL).toBe(`${issuer}/session/end`);
  });

  it("signs a person in with a second factor and issues verifiable tokens", async () => {
    const go = browser();
    const { html, callback } = await signIn(go, "demo-ada-admin", { secondFactor: true });
    for (const person of DEMO_PEOPLE) expect(html).toContain(person.name);
    expect(html).toContain("Use second factor (simulated one-time code)");

    const tokens = await tokensFor(callback.location);
    const claims = await verify(tokens.id_token);
    expect(claims).toMatchObject({
      sub: "demo-ada-admin",
      nonce: "nonce-1",
      amr: ["pwd", "otp"],
      acr: ALLIANCE_ACR_MFA,
      groups: ["coop:green-hosting:admin"],
    });
    expect(typeof claims.auth_time).toBe("number");

    const userinfo = await fetch(discovered.userInfoURL, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({
      sub: "demo-ada-admin",
      email: "ada.admin@green-hosting.example",
      name: "Ada Admin",
      preferred_username: "ada-admin",
      groups: ["coop:green-hosting:admin"],
    });
  });

  it("records a password-only sign-in when the box is not ticked", async () => {
    const { callback } = await signIn(browser(), "demo-nia-newcomer", { secondFactor: false });
    const claims = await verify((await tokensFor(callback.location)).id_token);
    expect(claims).toMatchObject({
      sub: "demo-nia-newcomer",
      amr: ["pwd"],
      acr: ALLIANCE_ACR_PASSWORD,
      groups: [],
    });
  });

  it("refuses a password-only sign-in when the client asked for MFA", async () => {
    const go = browser();
    const { submitted } = await signIn(go, "demo-sam-steward", {
      secondFactor: false,
      extra: { acr_values: ALLIANCE_ACR_MFA },
    });
    expect(submitted.response.status).toBe(400);
    const html = await submitted.response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("needs a second factor");
    expect(html).not.toMatch(/id="second-factor"[^>]*checked/);
  });

  it("reuses a session, but asks again for prompt=login, max_age=0 and a missing second factor", async () => {
    const go = browser();
    await signIn(go, "demo-mona-moderator", { secondFactor: false });
    const reused = await follow(go, authorizeUrl());
    expect(reused.location).toContain(`${CLIENT.redirectUris[0]}?code=`);
    const forcingParams: Record<string, string>[] = [
      { prompt: "login" },
      { max_age: "0" },
      { acr_values: ALLIANCE_ACR_MFA },
    ];
    for (const extra of forcingParams) {
      const again = await follow(go, authorizeUrl(extra));
      expect(again.response.status, JSON.stringify(extra)).toBe(200);
      expect(await again.response.text()).toContain("Sign in to Alliance Hub");
    }
  });

  it("returns access_denied when the person cancels", async () => {
    const go = browser();
    const loginPage = await follow(go, authorizeUrl());
    const cancel = /<form method="post" action="([^"]+\/cancel)">/.exec(await loginPage.response.text())?.[1];
    const submitted = await go(new URL(cancel ?? "", issuer).href, { form: {} });
    const callback = new URL((await follow(go, submitted.location ?? "")).location ?? "");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe("state-1");
  });

  it("refuses a token request with a wrong client secret", async () => {
    const { callback } = await signIn(browser(), "demo-milo-member", { secondFactor: true });
    const code = new URL(callback.location ?? "").searchParams.get("code") ?? "";
    const response = await exchangeCode(code, "not-the-secret");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });
});

describe("Development OpenID provider: id_token verification", () => {
  let idToken: string;
  beforeAll(async () => {
    const { callback } = await signIn(browser(), "demo-sam-steward", { secondFactor: true });
    idToken = (await tokensFor(callback.location)).id_token;
  });

  it("refuses a token when another issuer is expected", async () => {
    const attempt = verify(idToken, { issuer: `${issuer}/other` });
    await expect(attempt).rejects.toBeInstanceOf(IdTokenRejected);
    await expect(attempt).rejects.toMatchObject({ reason: "wrong_issuer" });
  });

  it("refuses a tampered token", async () => {
    const [header, payload, signature] = idToken.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, groups: ["alliance-stewards", "coop:x:admin"] }));
    const attempt = verify(`${header}.${forged.toString("base64url")}.${signature}`);
    await expect(attempt).rejects.toMatchObject({ reason: "bad_signature" });
  });
});

describe("Development OpenID provider: safety", () => {
  it("answers a stale or foreign interaction page with an explanation", async () => {
    const stale = await fetch(`${issuer}/interaction/not-a-real-uid`);
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain("Sign-in expired");
  });

  it("refuses to start in production", async () => {
    const attempt = createDevOidcProvider({
      issuer: "http://127.0.0.1:1/oidc",
      clients: [CLIENT],
      people: DEMO_PEOPLE,
      cookieKeys: ["k"],
      production: true,
    });
    await expect(attempt).rejects.toBeInstanceOf(DevProviderRefused);
    await expect(attempt).rejects.toThrow(/cannot run in production/);
  });
});
