import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets the hub hands out (API tokens, invitation links, later join tokens and cluster credentials):
 * 256 random bits with a readable prefix. Only their SHA-256 is stored: with this much entropy a slow hash adds
 * nothing, and lookups by hash stay one index probe.
 */
export function generateSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
