import type { EntityManager } from "typeorm";

/** Who a post concerns through watching, after applying every level that applies to each person. */
export interface WatchingRecipients {
  /** People to notify with a "posted" notification. */
  watchers: string[];
  /** People who muted this topic (directly, through a tag, their category level or the category's default). */
  muted: Set<string>;
}

/**
 * One person's level on a topic is the first of: their topic level, their tag levels (several tags: muted beats
 * watching beats watching first post beats tracking, so muting a tag always silences it), their category level,
 * the category's default. Nobody's level (no row anywhere) means tracking: mentions and replies only.
 *
 * Computed in one statement. Everyone is a candidate only when the category's default notifies for this post;
 * otherwise only people with a row, plus `alsoConsider` (people a post mentions or replies to, whom a muted
 * default must silence).
 */
export async function watchingRecipients(
  manager: EntityManager,
  subject: { topicId: string; categoryId: string; firstPost: boolean; alsoConsider: readonly string[] },
): Promise<WatchingRecipients> {
  const rows: Array<{ person_id: string; level: string }> = await manager.query(
    `WITH default_level AS (
       SELECT level FROM forum_category_watch_default WHERE category_id = $2),
     topic_levels AS (
       SELECT person_id, level FROM forum_topic_watch WHERE topic_id = $1),
     tag_levels AS (
       SELECT w.person_id, CASE
           WHEN bool_or(w.level = 'muted') THEN 'muted'
           WHEN bool_or(w.level = 'watching') THEN 'watching'
           WHEN bool_or(w.level = 'watching_first_post') THEN 'watching_first_post'
           ELSE 'tracking' END AS level
       FROM forum_tag_watch w JOIN forum_topic_tag t ON t.tag_id = w.tag_id
       WHERE t.topic_id = $1 GROUP BY w.person_id),
     category_levels AS (
       SELECT person_id, level FROM forum_category_watch WHERE category_id = $2),
     candidates AS (
       SELECT person_id FROM topic_levels
       UNION SELECT person_id FROM tag_levels
       UNION SELECT person_id FROM category_levels
       UNION SELECT unnest($3::uuid[])
       UNION SELECT p.id FROM person p, default_level d
         WHERE d.level = 'watching' OR (d.level = 'watching_first_post' AND $4)),
     levels AS (
       SELECT c.person_id,
         COALESCE(tl.level, gl.level, cl.level, (SELECT level FROM default_level), 'tracking') AS level
       FROM candidates c
       LEFT JOIN topic_levels tl ON tl.person_id = c.person_id
       LEFT JOIN tag_levels gl ON gl.person_id = c.person_id
       LEFT JOIN category_levels cl ON cl.person_id = c.person_id)
     SELECT person_id, level FROM levels
     WHERE level = 'muted' OR level = 'watching' OR (level = 'watching_first_post' AND $4)`,
    [subject.topicId, subject.categoryId, [...subject.alsoConsider], subject.firstPost],
  );
  const watchers: string[] = [];
  const muted = new Set<string>();
  for (const row of rows) {
    if (row.level === "muted") muted.add(row.person_id);
    else watchers.push(row.person_id);
  }
  return { watchers, muted };
}
