import type { DataSource } from "typeorm";
import type { Clock } from "../clock.js";
import { unauthenticated } from "../errors.js";
import type { ViewerIdentity } from "../graphql/context.js";
import type { ApiTokenScope } from "../modules/api-tokens/api-token.entity.js";
import type { MembershipRole } from "../modules/cooperatives/membership.entity.js";
import type { HubRole, Person } from "../modules/people/person.entity.js";
import { hashSecret } from "./secrets.js";
import type { SignedInSession } from "./session/session-data.js";
import { LATEST_SUSPENSION_SQL, refuseIfSuspended, type SuspensionColumn } from "./suspension.js";

/** How often `last_used_at` of an API token is refreshed at most; keeps reads from turning into writes. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

/** The person columns and their memberships (as a JSON object cooperative id → role), in one row. */
const PERSON_WITH_MEMBERSHIPS = `p.id, p.issuer, p.subject, p.email, p.name, p.handle, p.hub_roles, p.last_sign_in_at,
  p.created_at, p.updated_at,
  (SELECT coalesce(json_object_agg(m.cooperative_id, m.role), '{}') FROM membership m WHERE m.person_id = p.id) AS memberships,
  ${LATEST_SUSPENSION_SQL}`;

interface PersonRow {
  id: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string;
  handle: string;
  hub_roles: HubRole[];
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  memberships: Record<string, MembershipRole> | string;
  suspension: SuspensionColumn;
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    issuer: row.issuer,
    subject: row.subject,
    email: row.email,
    name: row.name,
    handle: row.handle,
    hubRoles: row.hub_roles,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function membershipsOf(row: PersonRow): Map<string, MembershipRole> {
  const value = typeof row.memberships === "string" ? JSON.parse(row.memberships) : row.memberships;
  return new Map(Object.entries(value as Record<string, MembershipRole>));
}

/** Extracts the secret of an `Authorization: Bearer` header, if any. */
export function bearerSecret(authorization: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * Resolves a personal API token to its viewer with one query (token, person and memberships). An unknown,
 * revoked or expired token is UNAUTHENTICATED with the reason, never silently anonymous: a script must learn its
 * token stopped working.
 */
export async function viewerFromApiToken(
  dataSource: DataSource,
  clock: Clock,
  secret: string,
): Promise<ViewerIdentity> {
  const rows: Array<
    PersonRow & {
      token_id: string;
      scopes: ApiTokenScope[];
      expires_at: Date;
      revoked_at: Date | null;
      last_used_at: Date | null;
    }
  > = await dataSource.query(
    `SELECT t.id AS token_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, ${PERSON_WITH_MEMBERSHIPS}
       FROM api_token t JOIN person p ON p.id = t.person_id
      WHERE t.secret_hash = $1`,
    [hashSecret(secret)],
  );
  const row = rows[0];
  const now = clock.now();
  if (!row) throw unauthenticated("Unknown API token");
  if (row.revoked_at) throw unauthenticated("This API token was revoked");
  if (new Date(row.expires_at).getTime() <= now.getTime())
    throw unauthenticated("This API token has expired");
  refuseIfSuspended(row.suspension, now);
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
    await dataSource.query("UPDATE api_token SET last_used_at = $2 WHERE id = $1", [row.token_id, now]);
  }
  return {
    person: toPerson(row),
    method: "api_token",
    scopes: row.scopes,
    secondFactorAt: null,
    memberships: membershipsOf(row),
  };
}

/**
 * Resolves a browser session to its viewer (one query); a session whose person no longer exists is anonymous, a
 * suspended person's session is refused.
 */
export async function viewerFromSession(
  dataSource: DataSource,
  signedIn: SignedInSession | undefined,
  clock: Clock,
): Promise<ViewerIdentity | null> {
  if (!signedIn) return null;
  const rows: PersonRow[] = await dataSource.query(
    `SELECT ${PERSON_WITH_MEMBERSHIPS} FROM person p WHERE p.id = $1`,
    [signedIn.personId],
  );
  const row = rows[0];
  if (!row) return null;
  refuseIfSuspended(row.suspension, clock.now());
  return {
    person: toPerson(row),
    method: "session",
    scopes: ["read", "write"],
    secondFactorAt: signedIn.secondFactor ? new Date(signedIn.authenticatedAt) : null,
    memberships: membershipsOf(row),
  };
}
