import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { HubConfig } from "../../config.js";
import { HubError, rateLimited } from "../../errors.js";

/** Which posting limit applies: a reply or a new topic. */
export type PostingKind = "post" | "topic";

/** Normalised fingerprint of a post body, so reflowed whitespace does not make a duplicate new. */
export function postFingerprint(markdown: string): string {
  return createHash("sha256").update(markdown.trim().replace(/\s+/g, " ")).digest("hex");
}

/** RATE_LIMITED answers HTTP 429 with Retry-After (DEVELOPERS.md), like the hub's mutation limit. */
export function withHttp429(error: HubError): HubError {
  error.extensions.http = {
    status: 429,
    headers: new Map([["retry-after", String(error.extensions.retryAfterSeconds)]]),
  };
  return error;
}

const secondsUntil = (from: Date, windowSeconds: number, now: Date) =>
  Math.max(1, Math.ceil((from.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));

/**
 * Discourse's posting limits, checked inside the posting transaction: one reply per `postIntervalSeconds`, one
 * topic per `topicIntervalSeconds`, and the same text not twice within `duplicateWindowSeconds`. The intervals are
 * measured from the person's last post or topic itself (not fixed windows, which would let two posts through a
 * moment apart across a window boundary), and a per-person advisory lock makes concurrent posts by one person, even
 * on different hub processes, wait for each other, so neither slips past the check.
 */
export async function enforcePostingLimits(
  manager: EntityManager,
  now: Date,
  limits: HubConfig["forum"],
  subject: { personId: string; kind: PostingKind; markdown: string },
): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`forum-posting:${subject.personId}`]);
  const [last]: Array<{ last: Date | null }> = await manager.query(
    subject.kind === "topic"
      ? "SELECT max(created_at) AS last FROM forum_topic WHERE author_id = $1"
      : "SELECT max(created_at) AS last FROM forum_post WHERE author_id = $1 AND number > 1",
    [subject.personId],
  );
  const interval = subject.kind === "topic" ? limits.topicIntervalSeconds : limits.postIntervalSeconds;
  if (last?.last && now.getTime() - new Date(last.last).getTime() < interval * 1000) {
    throw withHttp429(rateLimited(secondsUntil(new Date(last.last), interval, now)));
  }
  const since = new Date(now.getTime() - limits.duplicateWindowSeconds * 1000);
  const recent: Array<{ markdown: string; created_at: Date }> = await manager.query(
    `SELECT markdown, created_at FROM forum_post WHERE author_id = $1 AND created_at > $2
     ORDER BY created_at DESC LIMIT 50`,
    [subject.personId, since],
  );
  const fingerprint = postFingerprint(subject.markdown);
  const same = recent.find((post) => postFingerprint(post.markdown) === fingerprint);
  if (same) {
    throw withHttp429(
      new HubError("RATE_LIMITED", "You posted the same text a moment ago", {
        retryAfterSeconds: secondsUntil(new Date(same.created_at), limits.duplicateWindowSeconds, now),
        reason: "DUPLICATE_POST",
      }),
    );
  }
}
