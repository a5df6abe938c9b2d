/**
 * One person's level on a topic is the first of: their topic level, their tag levels (several tags: muted beats
 * watching beats watching first post beats tracking, so muting a tag always silences it), their category level,
 * the category's default. Nobody's level (no row anywhere) means tracking: mentions and replies only.
 *
 * These are SQL building blocks, so that levels are resolved in the statement that writes the notifications
 * (set-based, never a statement per person). They expect a CTE `due(fanout_id, topic_id, category_id,
 * first_post)` naming the posts concerned, and define `levels(fanout_id, person_id, level)`.
 */
const LEVEL_SOURCES = `default_level AS (
    SELECT d.fanout_id, w.level FROM due d JOIN forum_category_watch_default w ON w.category_id = d.category_id),
  topic_levels AS (
    SELECT d.fanout_id, w.person_id, w.level FROM due d JOIN forum_topic_watch w ON w.topic_id = d.topic_id),
  tag_levels AS (
    SELECT d.fanout_id, w.person_id, CASE
        WHEN bool_or(w.level = 'muted') THEN 'muted'
        WHEN bool_or(w.level = 'watching') THEN 'watching'
        WHEN bool_or(w.level = 'watching_first_post') THEN 'watching_first_post'
        ELSE 'tracking' END AS level
    FROM due d JOIN forum_topic_tag t ON t.topic_id = d.topic_id JOIN forum_tag_watch w ON w.tag_id = t.tag_id
    GROUP BY d.fanout_id, w.person_id),
  category_levels AS (
    SELECT d.fanout_id, w.person_id, w.level FROM due d JOIN forum_category_watch w ON w.category_id = d.category_id)`;

const LEVELS = `levels AS (
    SELECT c.fanout_id, c.person_id,
      COALESCE(tl.level, gl.level, cl.level, dl.level, 'tracking') AS level
    FROM candidates c
    LEFT JOIN topic_levels tl ON tl.fanout_id = c.fanout_id AND tl.person_id = c.person_id
    LEFT JOIN tag_levels gl ON gl.fanout_id = c.fanout_id AND gl.person_id = c.person_id
    LEFT JOIN category_levels cl ON cl.fanout_id = c.fanout_id AND cl.person_id = c.person_id
    LEFT JOIN default_level dl ON dl.fanout_id = c.fanout_id)`;

/**
 * `levels` for every person who may be notified of the `due` posts as a watcher: everyone with a topic, tag or
 * category level, and everyone when the category's default notifies for that post.
 */
export const WATCHER_LEVELS_CTES = `${LEVEL_SOURCES},
  candidates AS (
    SELECT fanout_id, person_id FROM topic_levels
    UNION SELECT fanout_id, person_id FROM tag_levels
    UNION SELECT fanout_id, person_id FROM category_levels
    UNION SELECT dl.fanout_id, p.id FROM default_level dl JOIN due d ON d.fanout_id = dl.fanout_id CROSS JOIN person p
      WHERE dl.level = 'watching' OR (dl.level = 'watching_first_post' AND d.first_post)),
  ${LEVELS}`;

/** `levels` of the people in a CTE `given(fanout_id, person_id)` only (whom a muted level must silence). */
export const GIVEN_LEVELS_CTES = `${LEVEL_SOURCES},
  candidates AS (SELECT fanout_id, person_id FROM given),
  ${LEVELS}`;

/** The condition on `levels` alias `l` and `due` alias `d` under which a watcher hears of the post. */
export const NOTIFIES_WATCHER_SQL =
  "(l.level = 'watching' OR (l.level = 'watching_first_post' AND d.first_post))";
