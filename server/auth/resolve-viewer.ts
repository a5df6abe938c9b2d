import type { DataSource } from "typeorm";
import type { Clock } from "../clock.js";
import { unauthenticated } from "../errors.js";
import type { ViewerIdentity } from "../graphql/context.js";
import type { ApiTokenScope } from "../modules/api-tokens/api-token.entity.js";
import type { MembershipRole } from "../modules/cooperatives/membership.entity.js";
import { PersonEntity } from "../modules/people/person.entity.js";
import { hashSecret } from "./secrets.js";
import type { SignedInSession } from "./session/session-data.js";

/** How often `last_used_at` of an API token is refreshed at most; keeps reads from turning into writes. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

async function loadMemberships(
  dataSource: DataSource,
  personId: string,
): Promise<Map<string, MembershipRole>> {
  const rows: Array<{ cooperative_id: string; role: MembershipRole }> = await dataSource.query(
    "SELECT cooperative_id, role FROM membership WHERE person_id = $1",
    [personId],
  );
  return new Map(rows.map((row) => [row.cooperative_id, row.role]));
}

/** Extracts the secret of an `Authorization: Bearer` header, if any. */
export function bearerSecret(authorization: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * Resolves a personal API token to its viewer. An unknown, revoked or expired token is UNAUTHENTICATED with the
 * reason, never silently anonymous: a script must learn its token stopped working.
 */
export async function viewerFromApiToken(
  dataSource: DataSource,
  clock: Clock,
  secret: string,
): Promise<ViewerIdentity> {
  const rows: Array<{
    id: string;
    person_id: string;
    scopes: ApiTokenScope[];
    expires_at: Date;
    revoked_at: Date | null;
    last_used_at: Date | null;
  }> = await dataSource.query(
    "SELECT id, person_id, scopes, expires_at, revoked_at, last_used_at FROM api_token WHERE secret_hash = $1",
    [hashSecret(secret)],
  );
  const token = rows[0];
  const now = clock.now();
  if (!token) throw unauthenticated("Unknown API token");
  if (token.revoked_at) throw unauthenticated("This API token was revoked");
  if (new Date(token.expires_at).getTime() <= now.getTime())
    throw unauthenticated("This API token has expired");
  const person = await dataSource.manager.findOneBy(PersonEntity, { id: token.person_id });
  if (!person) throw unauthenticated("Unknown API token");
  if (
    !token.last_used_at ||
    now.getTime() - new Date(token.last_used_at).getTime() > LAST_USED_RESOLUTION_MS
  ) {
    await dataSource.query("UPDATE api_token SET last_used_at = $2 WHERE id = $1", [token.id, now]);
  }
  return {
    person,
    method: "api_token",
    scopes: token.scopes,
    secondFactorAt: null,
    memberships: await loadMemberships(dataSource, person.id),
  };
}

/** Resolves a browser session to its viewer; a session whose person no longer exists is anonymous. */
export async function viewerFromSession(
  dataSource: DataSource,
  signedIn: SignedInSession | undefined,
): Promise<ViewerIdentity | null> {
  if (!signedIn) return null;
  const person = await dataSource.manager.findOneBy(PersonEntity, { id: signedIn.personId });
  if (!person) return null;
  return {
    person,
    method: "session",
    scopes: ["read", "write"],
    secondFactorAt: signedIn.secondFactor ? new Date(signedIn.authenticatedAt) : null,
    memberships: await loadMemberships(dataSource, person.id),
  };
}
