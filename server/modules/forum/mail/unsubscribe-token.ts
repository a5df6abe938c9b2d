import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { EntityManager } from "typeorm";

/** The email switches a one-click link can turn off. */
export const UNSUBSCRIBE_TOPICS = ["mentions", "replies", "digest"] as const;
export type UnsubscribeTopic = (typeof UNSUBSCRIBE_TOPICS)[number];

// The key never changes once created, so each process reads it once.
const cachedKeys = new WeakMap<object, string>();

/** The shared signing key, created by whichever process needs it first (the row is the single source). */
export async function mailSigningKey(manager: EntityManager): Promise<string> {
  const cached = cachedKeys.get(manager.connection);
  if (cached) return cached;
  await manager.query(
    "INSERT INTO forum_mail_key (id, secret, created_at) VALUES (1, $1, now()) ON CONFLICT (id) DO NOTHING",
    [randomBytes(32).toString("base64url")],
  );
  const [row] = (await manager.query("SELECT secret FROM forum_mail_key WHERE id = 1")) as Array<{
    secret: string;
  }>;
  cachedKeys.set(manager.connection, row.secret);
  return row.secret;
}

const signature = (key: string, body: string) =>
  createHmac("sha256", key).update(`unsubscribe:${body}`).digest("base64url");

/** A token naming a person and the switch to turn off, signed with HMAC-SHA256. It carries no address. */
export function signUnsubscribeToken(key: string, personId: string, topic: UnsubscribeTopic): string {
  const body = Buffer.from(`${personId}:${topic}`, "utf8").toString("base64url");
  return `${body}.${signature(key, body)}`;
}

/** The person and switch of a valid token; null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(
  key: string,
  token: string,
): { personId: string; topic: UnsubscribeTopic } | null {
  const [body, presented, extra] = token.split(".");
  if (!body || !presented || extra !== undefined) return null;
  const expected = Buffer.from(signature(key, body));
  const given = Buffer.from(presented);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [personId, topic] = Buffer.from(body, "base64url").toString("utf8").split(":");
  if (!personId || !(UNSUBSCRIBE_TOPICS as readonly string[]).includes(topic)) return null;
  return { personId, topic: topic as UnsubscribeTopic };
}
