import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

/**
 * Generates the provider's signing key at start: RS256, the alg oidc-provider uses for id_tokens by default and
 * every relying party supports. Dev only: keys live in memory, so tokens die with the process (a restart signs
 * everyone out of the development provider, which is fine).
 */
export async function generateSigningKeys(): Promise<{ keys: JWK[] }> {
  const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ ...jwk, kid, alg: "RS256", use: "sig" }] };
}
