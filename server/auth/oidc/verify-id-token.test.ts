import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { IdTokenRejected, verifyIdToken } from "./verify-id-token.js";

const ISSUER = "https://id.alliance.example";
const CLIENT_ID = "alliance-hub";
const NOW = new Date("2026-11-25T09:00:00Z");
const nowSeconds = NOW.getTime() / 1000;

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let providerKeys: KeyPair;
let strangerKeys: KeyPair;
let jwks: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  providerKeys = await generateKeyPair("ES256", { extractable: true });
  strangerKeys = await generateKeyPair("ES256");
  const publicJwk = { ...(await exportJWK(providerKeys.publicKey)), kid: "provider-key", alg: "ES256" };
  jwks = createLocalJWKSet({ keys: [publicJwk] });
});

async function idToken(overrides: JWTPayload = {}, keys: KeyPair = providerKeys): Promise<string> {
  return new SignJWT({
    iss: ISSUER,
    aud: CLIENT_ID,
    sub: "person-1",
    iat: nowSeconds - 10,
    exp: nowSeconds + 300,
    nonce: "nonce-1",
    ...overrides,
  })
    .setProtectedHeader({ alg: "ES256", kid: "provider-key" })
    .sign(keys.privateKey);
}

const verify = (token: string, expected: { nonce?: string } = { nonce: "nonce-1" }) =>
  verifyIdToken(token, { issuer: ISSUER, audience: CLIENT_ID, nonce: expected.nonce, jwks, now: () => NOW });

describe("id_token verification", () => {
  it("returns the claims of a valid token", async () => {
    const claims = await verify(await idToken({ amr: ["pwd"] }));
    expect(claims).toMatchObject({ sub: "person-1", iss: ISSUER, amr: ["pwd"] });
  });

  it("skips the nonce check when no nonce is expected", async () => {
    await expect(verify(await idToken({ nonce: undefined }), {})).resolves.toMatchObject({ sub: "person-1" });
  });

  it("accepts several audiences when this client is the authorised party", async () => {
    const token = await idToken({ aud: [CLIENT_ID, "other"], azp: CLIENT_ID });
    await expect(verify(token)).resolves.toMatchObject({ azp: CLIENT_ID });
  });

  it.each<[string, () => Promise<string>, string]>([
    ["signed by another key", () => idToken({}, strangerKeys), "bad_signature"],
    ["from another issuer", () => idToken({ iss: "https://evil.example" }), "wrong_issuer"],
    ["for another client", () => idToken({ aud: "other-client" }), "wrong_audience"],
    [
      "with several audiences and another azp",
      () => idToken({ aud: [CLIENT_ID, "x"], azp: "x" }),
      "wrong_audience",
    ],
    ["expired beyond the tolerance", () => idToken({ exp: nowSeconds - 31 }), "expired"],
    ["not valid yet", () => idToken({ nbf: nowSeconds + 120 }), "not_yet_valid"],
    ["with another nonce", () => idToken({ nonce: "replayed" }), "nonce_mismatch"],
    ["without a nonce when one is expected", () => idToken({ nonce: undefined }), "nonce_mismatch"],
    ["without a subject", () => idToken({ sub: undefined }), "malformed"],
    ["that is not a JWT", async () => "not-a-token", "malformed"],
  ])("rejects a token %s", async (_case, makeToken, reason) => {
    const attempt = verify(await makeToken());
    await expect(attempt).rejects.toBeInstanceOf(IdTokenRejected);
    await expect(attempt).rejects.toMatchObject({ reason });
  });

  it("rejects a token whose payload was tampered with", async () => {
    const [header, , signature] = (await idToken()).split(".");
    const forged = Buffer.from(
      JSON.stringify({
        iss: ISSUER,
        aud: CLIENT_ID,
        sub: "steward",
        iat: nowSeconds,
        exp: nowSeconds + 60,
        nonce: "nonce-1",
      }),
    ).toString("base64url");
    await expect(verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({
      reason: "bad_signature",
    });
  });

  it("tolerates a token expired within the clock tolerance", async () => {
    await expect(verify(await idToken({ exp: nowSeconds - 10 }))).resolves.toMatchObject({ sub: "person-1" });
  });
});
