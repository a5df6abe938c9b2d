import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes } from "node:crypto";
import type { Strategy } from "passport-openidconnect";

/**
 * PKCE (RFC 7636) for passport-openidconnect 0.1.2, which has no support of its own: the challenge goes into the
 * authorization request through `authorizationParams`, and the verifier is added to the token request from an
 * AsyncLocalStorage scope opened around the callback, so concurrent sign-ins never see each other's verifier.
 */
const verifierScope = new AsyncLocalStorage<{ verifier: string }>();

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function withPkceVerifier<T>(verifier: string | undefined, run: () => T): T {
  return verifier ? verifierScope.run({ verifier }, run) : run();
}

type TokenCallback = (error: unknown, accessToken?: string, refreshToken?: string, params?: unknown) => void;
interface OAuth2Client {
  getOAuthAccessToken(code: string, params: Record<string, string>, callback: TokenCallback): void;
}

/** Teaches a strategy to send `code_challenge` and `code_verifier`. */
export function enablePkce(strategy: Strategy): void {
  strategy.authorizationParams = (options?: { codeChallenge?: string }) =>
    options?.codeChallenge ? { code_challenge: options.codeChallenge, code_challenge_method: "S256" } : {};
  const oauth2 = (strategy as unknown as { _oauth2: OAuth2Client })._oauth2;
  const getToken = oauth2.getOAuthAccessToken.bind(oauth2);
  oauth2.getOAuthAccessToken = (code, params, callback) => {
    const scope = verifierScope.getStore();
    getToken(code, scope ? { ...params, code_verifier: scope.verifier } : params, callback);
  };
}
