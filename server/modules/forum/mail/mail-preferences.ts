import type { EntityManager } from "typeorm";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import {
  type DigestFrequency,
  type ForumMailPreference,
  ForumMailPreferenceEntity,
} from "./forum-mail.entity.js";
import type { UnsubscribeTopic } from "./unsubscribe-token.js";

/** The switches a person controls. */
export interface MailPreferenceChanges {
  emailMentions?: boolean;
  emailReplies?: boolean;
  emailDigest?: boolean;
  digestFrequency?: DigestFrequency;
}

/** A person's preferences, or the defaults (everything on, weekly digest) when they never chose. */
export async function loadMailPreferences(
  manager: EntityManager,
  personId: string,
): Promise<ForumMailPreference> {
  const stored = await manager.findOneBy(ForumMailPreferenceEntity, { personId });
  return (
    stored ?? {
      personId,
      emailMentions: true,
      emailReplies: true,
      emailDigest: true,
      digestFrequency: "weekly",
      digestSentThrough: null,
      updatedAt: new Date(0),
    }
  );
}

/** Changes some switches (others keep their value) and records it in the audit log. */
export async function updateMailPreferences(
  manager: EntityManager,
  actor: Actor & { personId: string },
  changes: MailPreferenceChanges,
): Promise<ForumMailPreference> {
  const current = await loadMailPreferences(manager, actor.personId);
  const next = { ...current, ...definedOnly(changes), updatedAt: actor.now };
  // Only the switches: the digest job moves `digest_sent_through` concurrently and must not be overwritten.
  await manager.query(
    `INSERT INTO forum_mail_preference
       (person_id, email_mentions, email_replies, email_digest, digest_frequency, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (person_id) DO UPDATE SET email_mentions = EXCLUDED.email_mentions,
       email_replies = EXCLUDED.email_replies, email_digest = EXCLUDED.email_digest,
       digest_frequency = EXCLUDED.digest_frequency, updated_at = EXCLUDED.updated_at`,
    [
      actor.personId,
      next.emailMentions,
      next.emailReplies,
      next.emailDigest,
      next.digestFrequency,
      actor.now,
    ],
  );
  await recordAuditEvent(manager, actor, {
    action: "forum.mail_preferences.updated",
    targetType: "Person",
    targetId: actor.personId,
    data: { ...definedOnly(changes) },
  });
  return next;
}

const SWITCH: Record<UnsubscribeTopic, keyof MailPreferenceChanges> = {
  mentions: "emailMentions",
  replies: "emailReplies",
  digest: "emailDigest",
};

/** Turns one kind of email off, as a one-click unsubscribe link does. */
export function unsubscribeFrom(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: UnsubscribeTopic,
): Promise<ForumMailPreference> {
  return updateMailPreferences(manager, actor, { [SWITCH[topic]]: false });
}

function definedOnly(changes: MailPreferenceChanges): MailPreferenceChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
