import { describe, expect, it } from "vitest";
import { DiscoveryFailed, type DiscoveryFetch, discoverProvider } from "./discovery.js";

const ISSUER = "https://id.alliance.example/realms/alliance";

const DOCUMENT = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`,
  token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
  userinfo_endpoint: `${ISSUER}/protocol/openid-connect/userinfo`,
  jwks_uri: `${ISSUER}/protocol/openid-connect/certs`,
  end_session_endpoint: `${ISSUER}/protocol/openid-connect/logout`,
  acr_values_supported: ["urn:alliance:acr:pwd", "urn:alliance:acr:mfa"],
};

/** A fake fetch that records the URL and answers with the given body and status. */
function fakeFetch(body: unknown, status = 200): DiscoveryFetch & { urls: string[] } {
  const urls: string[] = [];
  const fn = async (url: string) => {
    urls.push(url);
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  };
  return Object.assign(fn, { urls });
}

describe("Provider discovery", () => {
  it("reads the endpoints from the issuer's well-known document", async () => {
    const fetchFn = fakeFetch(DOCUMENT);
    const provider = await discoverProvider(ISSUER, fetchFn);
    expect(fetchFn.urls).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    expect(provider).toEqual({
      issuer: ISSUER,
      authorizationURL: DOCUMENT.authorization_endpoint,
      tokenURL: DOCUMENT.token_endpoint,
      userInfoURL: DOCUMENT.userinfo_endpoint,
      jwksUri: DOCUMENT.jwks_uri,
      endSessionURL: DOCUMENT.end_session_endpoint,
      acrValuesSupported: DOCUMENT.acr_values_supported,
    });
  });

  it("does not double the slash of an issuer ending in one", async () => {
    const fetchFn = fakeFetch({ ...DOCUMENT, issuer: `${ISSUER}/` });
    await discoverProvider(`${ISSUER}/`, fetchFn);
    expect(fetchFn.urls).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
  });

  it("reports a provider without logout endpoint", async () => {
    const { end_session_endpoint: _, ...withoutLogout } = DOCUMENT;
    expect((await discoverProvider(ISSUER, fakeFetch(withoutLogout))).endSessionURL).toBeNull();
  });

  it.each<[string, DiscoveryFetch, string]>([
    [
      "an issuer that differs by a trailing slash",
      fakeFetch({ ...DOCUMENT, issuer: `${ISSUER}/` }),
      "issuer_mismatch",
    ],
    ["an error status", fakeFetch("nope", 404), "bad_status"],
    ["a body that is not JSON", fakeFetch("<html>"), "not_json"],
    ["a missing token endpoint", fakeFetch({ ...DOCUMENT, token_endpoint: undefined }), "missing_endpoint"],
    ["a relative jwks uri", fakeFetch({ ...DOCUMENT, jwks_uri: "/certs" }), "missing_endpoint"],
    [
      "an unreachable provider",
      async () => {
        throw new TypeError("fetch failed");
      },
      "unreachable",
    ],
  ])("refuses %s", async (_case, fetchFn, reason) => {
    const attempt = discoverProvider(ISSUER, fetchFn);
    await expect(attempt).rejects.toBeInstanceOf(DiscoveryFailed);
    await expect(attempt).rejects.toMatchObject({ reason });
  });
});
