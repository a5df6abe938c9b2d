import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/** How often the digest of watched activity goes out. */
export const DIGEST_FREQUENCIES = ["daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * A person's forum email choices. No row means the defaults (everything on, weekly digest). `digestSentThrough`
 * is the end of the activity window the last digest covered: the next one starts after it, so no activity is
 * sent twice.
 */
export interface ForumMailPreference {
  personId: string;
  emailMentions: boolean;
  emailReplies: boolean;
  emailDigest: boolean;
  digestFrequency: DigestFrequency;
  digestSentThrough: Date | null;
  updatedAt: Date;
  /** Relation, for the schema only; never loaded by the module. */
  person?: unknown;
}

export const ForumMailPreferenceEntity = new EntitySchema<ForumMailPreference>({
  name: "ForumMailPreference",
  tableName: "forum_mail_preference",
  columns: {
    personId: { type: "uuid", name: "person_id", primary: true },
    emailMentions: { type: "boolean", name: "email_mentions", default: true },
    emailReplies: { type: "boolean", name: "email_replies", default: true },
    emailDigest: { type: "boolean", name: "email_digest", default: true },
    digestFrequency: { type: "text", name: "digest_frequency", default: "weekly" },
    digestSentThrough: timestampColumn("digest_sent_through", { nullable: true }),
    updatedAt: updatedAtColumn,
  },
  checks: [
    { name: "forum_mail_preference_frequency_check", expression: "digest_frequency IN ('daily', 'weekly')" },
  ],
  relations: {
    person: belongsTo("Person", "person_id", "forum_mail_preference_person_fkey", "CASCADE"),
  },
});

/** What an outbox row will become: an immediate mention or reply email, or a digest. */
export const FORUM_MAIL_KINDS = ["mention", "reply", "digest"] as const;
export type ForumMailKind = (typeof FORUM_MAIL_KINDS)[number];

/** `pending` until delivered (`sent`); `skipped` when nothing was left to say; `failed` after the last retry. */
export type ForumMailStatus = "pending" | "sent" | "skipped" | "failed";

/** The message as delivered, kept for the dev mailbox (mail that went through SMTP keeps only its subject). */
export interface StoredMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * An email waiting to go out, written in the same transaction as the post (or by the digest job). The message is
 * composed at delivery time from the references, so links use the hub's public URL and hidden posts are skipped.
 */
export interface ForumMailOutbox {
  id: string;
  personId: string;
  kind: ForumMailKind;
  topicId: string | null;
  postId: string | null;
  actorId: string | null;
  digestFrom: Date | null;
  digestTo: Date | null;
  status: ForumMailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  transport: "smtp" | "mailbox" | null;
  subject: string | null;
  message: StoredMessage | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Relations, for the schema only; never loaded by the module. */
  person?: unknown;
  topic?: unknown;
  post?: unknown;
}

export const ForumMailOutboxEntity = new EntitySchema<ForumMailOutbox>({
  name: "ForumMailOutbox",
  tableName: "forum_mail_outbox",
  columns: {
    id: { type: "bigint", primary: true, generated: "increment" },
    personId: { type: "uuid", name: "person_id" },
    kind: { type: "text" },
    topicId: { type: "uuid", name: "topic_id", nullable: true },
    postId: { type: "uuid", name: "post_id", nullable: true },
    actorId: { type: "uuid", name: "actor_id", nullable: true },
    digestFrom: timestampColumn("digest_from", { nullable: true }),
    digestTo: timestampColumn("digest_to", { nullable: true }),
    status: { type: "text", default: "pending" },
    attempts: { type: "integer", default: 0 },
    nextAttemptAt: timestampColumn("next_attempt_at"),
    lastError: { type: "text", name: "last_error", nullable: true },
    transport: { type: "text", nullable: true },
    subject: { type: "text", nullable: true },
    message: { type: "jsonb", nullable: true },
    createdAt: createdAtColumn,
    sentAt: timestampColumn("sent_at", { nullable: true }),
  },
  indices: [
    { name: "forum_mail_outbox_due_idx", columns: ["status", "nextAttemptAt", "id"] },
    { name: "forum_mail_outbox_person_idx", columns: ["personId", "id"] },
  ],
  checks: [
    { name: "forum_mail_outbox_kind_check", expression: "kind IN ('mention', 'reply', 'digest')" },
    {
      name: "forum_mail_outbox_status_check",
      expression: "status IN ('pending', 'sent', 'skipped', 'failed')",
    },
  ],
  relations: {
    person: belongsTo("Person", "person_id", "forum_mail_outbox_person_fkey", "CASCADE"),
    topic: belongsTo("ForumTopic", "topic_id", "forum_mail_outbox_topic_fkey", "CASCADE"),
    post: belongsTo("ForumPost", "post_id", "forum_mail_outbox_post_fkey", "CASCADE"),
  },
});

/**
 * The key signing one-click unsubscribe links: one row, created on first use, shared by every hub process (an
 * in-memory key would make links from one process fail on another, and after a restart).
 */
export interface ForumMailKey {
  id: number;
  secret: string;
  createdAt: Date;
}

export const ForumMailKeyEntity = new EntitySchema<ForumMailKey>({
  name: "ForumMailKey",
  tableName: "forum_mail_key",
  columns: {
    id: { type: "integer", primary: true },
    secret: { type: "text" },
    createdAt: createdAtColumn,
  },
  checks: [{ name: "forum_mail_key_single_check", expression: "id = 1" }],
});
