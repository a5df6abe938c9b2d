import { createHash } from "node:crypto";

/** Shortest and longest handle the hub accepts. */
export const HANDLE_MIN_LENGTH = 3;
export const HANDLE_MAX_LENGTH = 32;

/**
 * Turns a provider's `preferred_username` (or an email's local part) into a hub handle: lower case
 * `[a-z0-9-]`, accents folded (`Zoë` → `zoe`), runs of other characters become one dash, no dash at either end,
 * 3-32 characters. Too short or empty candidates get a stable suffix derived from the subject, so the same
 * person always gets the same handle and two short names rarely collide.
 */
export function normaliseHandle(candidate: string, subject: string): string {
  const folded = candidate
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const trimmed = folded.slice(0, HANDLE_MAX_LENGTH).replace(/-+$/, "");
  if (trimmed.length >= HANDLE_MIN_LENGTH) {
    return trimmed;
  }
  const suffix = createHash("sha256").update(subject).digest("hex").slice(0, 6);
  return `${trimmed || "user"}-${suffix}`;
}
