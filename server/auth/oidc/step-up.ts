import { ALLIANCE_ACR_MFA } from "./acr-values.js";

/** What the hub's session remembers about the last sign-in. */
export interface AuthenticationFreshness {
  mfa: boolean;
  authTime: Date | null;
}

/** Drift allowed when the provider's clock is a little ahead of the hub's. */
const FUTURE_AUTH_TIME_TOLERANCE_MS = 60_000;

/**
 * True when the person signed in with a second factor at most `maxAgeSeconds` ago: the condition for sensitive
 * actions (e.g. rotating a cluster's credentials). Without an auth time the answer is no.
 */
export function isRecentMfa(session: AuthenticationFreshness, now: Date, maxAgeSeconds: number): boolean {
  if (!session.mfa || session.authTime === null) return false;
  const ageMs = now.getTime() - session.authTime.getTime();
  return ageMs >= -FUTURE_AUTH_TIME_TOLERANCE_MS && ageMs <= maxAgeSeconds * 1000;
}

/** Only same-site paths may be returned to, so a crafted link cannot bounce a fresh sign-in elsewhere. */
function safeReturnTo(returnTo: string): string {
  return returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.includes("\\") ? returnTo : "/";
}

/** The hub route that starts a step-up sign-in and then returns to `returnTo` (a path on the hub). */
export function stepUpUrl(returnTo: string): string {
  return `/auth/login?stepUp=1&returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

/**
 * Authorization request parameters for a step-up: demand the MFA context and a fresh sign-in (`max_age=0` for
 * providers that honour it, `prompt=login` for those that do not).
 */
export const STEP_UP_AUTHORIZATION_PARAMS = {
  acr_values: ALLIANCE_ACR_MFA,
  max_age: "0",
  prompt: "login",
} as const;
