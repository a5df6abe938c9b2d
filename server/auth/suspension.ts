import { HubError } from "../errors.js";

/**
 * The person's latest unlifted suspension (set by forum moderators, see `modules/forum/moderation`), as a column of
 * the one query that resolves a viewer: checking it costs no extra round trip per request.
 */
export const LATEST_SUSPENSION_SQL = `(SELECT json_build_object('endsAt', s.ends_at, 'reason', s.reason)
    FROM forum_penalty s WHERE s.person_id = p.id AND s.kind = 'suspension' AND s.lifted_at IS NULL
    ORDER BY s.ends_at DESC LIMIT 1) AS suspension`;

/** The column above as the driver returns it (PGlite and node-postgres differ in parsing json). */
export type SuspensionColumn = { endsAt: string; reason: string } | string | null;

/**
 * Refuses a suspended person's session or API token with UNAUTHENTICATED naming the reason and the end, so a
 * script learns why its token stopped working and a browser can tell the person.
 */
export function refuseIfSuspended(column: SuspensionColumn, now: Date): void {
  if (!column) return;
  const suspension =
    typeof column === "string" ? (JSON.parse(column) as { endsAt: string; reason: string }) : column;
  const endsAt = new Date(suspension.endsAt);
  if (endsAt.getTime() <= now.getTime()) return;
  const message = `Your account is suspended until ${endsAt.toISOString()}: ${suspension.reason}`;
  throw new HubError("UNAUTHENTICATED", message, {
    reason: message,
    suspendedUntil: endsAt.toISOString(),
    suspensionReason: suspension.reason,
  });
}

/** The message refusing a suspended person's sign-in, or null when they are not suspended at `now`. */
export async function suspendedSignInMessage(
  dataSource: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  personId: string,
  now: Date,
): Promise<string | null> {
  const rows = (await dataSource.query(`SELECT ${LATEST_SUSPENSION_SQL} FROM person p WHERE p.id = $1`, [
    personId,
  ])) as Array<{ suspension: SuspensionColumn }>;
  try {
    refuseIfSuspended(rows[0]?.suspension ?? null, now);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
