/**
 * SQL shared by queueing and composing digests: a notification belongs in a person's digest when it is unread and
 * was not already emailed at once (mentions and replies go out immediately unless that switch is off). Expects
 * `n` (forum_notification) and `mp` (the person's forum_mail_preference, possibly absent) in scope.
 */
export const DIGEST_ACTIVITY_SQL = `n.read_at IS NULL AND NOT (
  (n.kind IN ('mentioned', 'cooperative_mentioned') AND mp.email_mentions IS NOT FALSE)
  OR (n.kind IN ('replied', 'quoted') AND mp.email_replies IS NOT FALSE))`;
