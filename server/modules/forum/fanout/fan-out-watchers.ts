import type { EntityManager } from "typeorm";
import { audienceSql } from "../forum-recipients.js";
import { NOTIFIES_WATCHER_SQL, WATCHER_LEVELS_CTES } from "../watching/watch-recipients.js";

/**
 * Notifies the watchers of the posts behind the given "fan-out due" rows, in ONE statement whatever the number of
 * posts and watchers: levels are resolved per post (topic, tag and category levels, the category's default; see
 * `watch-recipients.ts`), the poster, the people the post concerns directly (`direct_ids`) and people who cannot
 * read the category are left out, then each watcher's unread "posted" notification of the topic is consolidated
 * (its count grows by the number of posts, the latest post and poster show) or, when there is none, inserted.
 * Several posts to one topic in a batch therefore cost one row per watcher, not one per post and watcher.
 * Returns how many notifications were written (updated or inserted).
 */
export async function fanOutToWatchers(
  manager: EntityManager,
  now: Date,
  fanoutIds: readonly string[],
): Promise<number> {
  if (fanoutIds.length === 0) return 0;
  const rows: Array<{ written: number }> = await manager.query(
    `WITH due AS (
       SELECT f.id AS fanout_id, p.topic_id, t.category_id, p.number = 1 AS first_post, p.number, p.author_id,
         f.direct_ids, c.read_audience
       FROM forum_post_fanout f
       JOIN forum_post p ON p.id = f.post_id
       JOIN forum_topic t ON t.id = p.topic_id
       JOIN forum_category c ON c.id = t.category_id
       WHERE f.id = ANY($1::bigint[])),
     ${WATCHER_LEVELS_CTES},
     recipients AS (
       SELECT d.topic_id, l.person_id, d.number, d.author_id
       FROM levels l JOIN due d ON d.fanout_id = l.fanout_id JOIN person p ON p.id = l.person_id
       WHERE ${NOTIFIES_WATCHER_SQL} AND l.person_id <> d.author_id AND l.person_id <> ALL(d.direct_ids)
         AND ${audienceSql("p", "d.read_audience")}),
     per_person AS (
       SELECT topic_id, person_id, 'posted:' || topic_id AS consolidation_key, count(*)::int AS posts,
         max(number) AS number, (array_agg(author_id ORDER BY number DESC))[1] AS actor_id
       FROM recipients GROUP BY topic_id, person_id),
     merged AS (
       UPDATE forum_notification n SET count = n.count + pp.posts,
         actor_id = CASE WHEN pp.number >= n.post_number THEN pp.actor_id ELSE n.actor_id END,
         post_number = GREATEST(n.post_number, pp.number), updated_at = $2
       FROM per_person pp
       WHERE n.person_id = pp.person_id AND n.consolidation_key = pp.consolidation_key AND n.read_at IS NULL
       RETURNING n.person_id, n.consolidation_key),
     inserted AS (
       INSERT INTO forum_notification
         (person_id, kind, topic_id, post_number, actor_id, consolidation_key, count, read_at, created_at, updated_at)
       SELECT pp.person_id, 'posted', pp.topic_id, pp.number, pp.actor_id, pp.consolidation_key, pp.posts, NULL, $2, $2
       FROM per_person pp
       WHERE NOT EXISTS (
         SELECT 1 FROM merged m WHERE m.person_id = pp.person_id AND m.consolidation_key = pp.consolidation_key)
       RETURNING 1)
     SELECT (SELECT count(*) FROM merged)::int + (SELECT count(*) FROM inserted)::int AS written`,
    [fanoutIds, now],
  );
  return rows[0]?.written ?? 0;
}
