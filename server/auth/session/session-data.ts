import "express-session";

/** What the hub keeps in a browser session. Never tokens from the provider: only what the hub needs. */
export interface SignedInSession {
  personId: string;
  /** When the provider authenticated the person (auth_time), ISO string. */
  authenticatedAt: string;
  /** True when that sign-in used a second factor (amr/acr). */
  secondFactor: boolean;
  /** The provider's id_token, kept only to end the session at the provider on logout (id_token_hint). */
  idTokenHint?: string;
}

declare module "express-session" {
  interface SessionData {
    signedIn?: SignedInSession;
    returnTo?: string;
    pkceVerifier?: string;
  }
}
