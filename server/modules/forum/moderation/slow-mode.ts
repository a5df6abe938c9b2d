import type { EntityManager } from "typeorm";
import { HubError } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import type { ForumTopic } from "../forum-topic.entity.js";
import { withHttp429 } from "../posting-limits.js";
import { ForumTopicModerationEntity } from "./forum-topic-moderation.entity.js";

/** A topic's slow mode in seconds (0: off). */
export async function slowModeSeconds(manager: EntityManager, topicId: string): Promise<number> {
  const row = await manager.findOneBy(ForumTopicModerationEntity, { topicId });
  return row?.slowModeSeconds ?? 0;
}

/** Sets a topic's slow mode (0 turns it off), recorded in the audit log. */
export async function setSlowMode(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  seconds: number,
): Promise<void> {
  const previous = await slowModeSeconds(manager, topic.id);
  if (previous === seconds) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(ForumTopicModerationEntity)
    .values({
      topicId: topic.id,
      slowModeSeconds: seconds,
      updatedById: actor.personId,
      updatedAt: actor.now,
    })
    .orUpdate(["slow_mode_seconds", "updated_by_id", "updated_at"], ["topic_id"])
    .execute();
  await recordAuditEvent(manager, actor, {
    action: seconds > 0 ? "forum.topic.slowModeSet" : "forum.topic.slowModeOff",
    targetType: "ForumTopic",
    targetId: topic.id,
    data: { seconds, previous },
  });
}

/**
 * Refuses a post in a slow-mode topic sooner than `seconds` after the person's previous post there: RATE_LIMITED
 * with `retryAfterSeconds` (HTTP 429). Runs in the posting transaction after the per-person posting lock, so two
 * concurrent posts by one person cannot both pass.
 */
export async function enforceSlowMode(
  manager: EntityManager,
  now: Date,
  subject: { topicId: string; personId: string },
): Promise<void> {
  const seconds = await slowModeSeconds(manager, subject.topicId);
  if (seconds === 0) return;
  const [row]: Array<{ last: Date | string | null }> = await manager.query(
    "SELECT max(created_at) AS last FROM forum_post WHERE topic_id = $1 AND author_id = $2",
    [subject.topicId, subject.personId],
  );
  if (!row?.last) return;
  const waitMs = new Date(row.last).getTime() + seconds * 1000 - now.getTime();
  if (waitMs <= 0) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  throw withHttp429(
    new HubError("RATE_LIMITED", `This topic is in slow mode: one post every ${seconds} s`, {
      retryAfterSeconds,
      reason: "SLOW_MODE",
      slowModeSeconds: seconds,
    }),
  );
}
