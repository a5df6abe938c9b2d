/** The agent's credential as stored: `issuedAt` (agent clock) lets the agent know the credential's lifetime. */
export interface StoredCredential {
  token: string;
  /** ISO DateTime from the hub. */
  expiresAt: string;
  /** ISO DateTime when the agent received it. */
  issuedAt: string;
}

/** Rotate once less than this share of the credential's lifetime remains. */
export const ROTATION_REMAINING_SHARE = 0.2;

/** When the credential should be rotated: after 80 % of its lifetime. */
export function rotationDueAt(credential: StoredCredential): Date {
  const issued = Date.parse(credential.issuedAt);
  const expires = Date.parse(credential.expiresAt);
  return new Date(expires - (expires - issued) * ROTATION_REMAINING_SHARE);
}

/** Whether less than 20 % of the credential's lifetime remains at `now`. */
export function needsRotation(credential: StoredCredential, now: Date): boolean {
  return now.getTime() >= rotationDueAt(credential).getTime();
}
