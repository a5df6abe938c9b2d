import type { DataSource } from "typeorm";
import { forumTrustedHosts, renderPost } from "../../server/modules/forum/forum-markdown.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import { buildCaller } from "../../test/support/factories.js";
import { FORUM_POST_BODIES } from "./forum-post-bodies.js";
import { forumLayout } from "./forum-layout.js";

/** The issue's size: 100,000 posts in 5,000 topics, one of them with 5,000 replies. */
export const FORUM_SIZE = { posts: 100_000, topics: 5_000, bigTopicReplies: 5_000 };
const AUTHORS = 50;
const WATCHERS = 1_000;
const POSTERS = 200;
const TAGS = 20;
const CATEGORIES: Array<[slug: string, name: string, readAudience: string]> = [
  ["operations", "Operations", "everyone"],
  ["storage", "Storage", "everyone"],
  ["networking", "Networking", "everyone"],
  ["upgrades", "Upgrades", "everyone"],
  ["odoo", "Odoo", "everyone"],
  ["hardware", "Hardware", "everyone"],
  ["cooperatives-only", "Between cooperatives", "cooperatives"],
];

/** What `seedForum` wrote, with the IDs the scenarios need. */
export interface ForumSeed {
  topics: number;
  posts: number;
  watchers: number;
  bigTopicId: string;
  bigTopicPosts: number;
  /** A small topic nobody watches: a reply there costs the post without the fan-out. */
  quietTopicId: string;
  categorySlug: string;
  /** Write tokens of people allowed to reply (one post per `FORUM_POST_INTERVAL_SECONDS` each). */
  posterTokens: string[];
}

/** Deterministic UUIDs, so set-based statements can refer to rows they have not read back. */
const uuid = (kind: string, index: string) => `md5('bench-${kind}-' || ${index})::uuid`;

/**
 * Fills the forum in a few set-based statements: categories, 50 authors, 1,000 watchers of the big topic, tags,
 * 5,000 topics and 100,000 posts whose HTML is the app's own rendering (`renderPost`) of a dozen realistic bodies,
 * then topic counters from the posts as the app keeps them. Posters get write tokens through the factories.
 */
export async function seedForum(dataSource: DataSource): Promise<ForumSeed> {
  const layout = forumLayout(FORUM_SIZE);
  const others = layout.topics - 1;
  const hosts = forumTrustedHosts([], "http://127.0.0.1");
  const markdown = FORUM_POST_BODIES;
  const html = markdown.map((body) => renderPost(body, hosts).html);
  await dataSource.query(
    `INSERT INTO forum_category (id, slug, name, description, position, read_audience, allows_accepted_answers)
     SELECT ${uuid("category", "c.ord")}, c.slug, c.name, 'Questions and notes about ' || c.name, c.ord::int,
       c.audience, c.ord <= 3
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(slug, name, audience, ord)`,
    [CATEGORIES.map((c) => c[0]), CATEGORIES.map((c) => c[1]), CATEGORIES.map((c) => c[2])],
  );
  await dataSource.query(
    `INSERT INTO person (id, issuer, subject, email, name, handle)
     SELECT ${uuid("author", "i")}, 'https://bench.example', 'author-' || i, NULL, 'Member ' || i, 'member-' || i
     FROM generate_series(1, ${AUTHORS}) AS i
     UNION ALL
     SELECT ${uuid("watcher", "i")}, 'https://bench.example', 'watcher-' || i, NULL, 'Watcher ' || i, 'watcher-' || i
     FROM generate_series(1, ${WATCHERS}) AS i`,
  );
  await dataSource.query(
    `INSERT INTO forum_tag (id, name) SELECT ${uuid("tag", "i")}, 'tag-' || i FROM generate_series(1, ${TAGS}) AS i`,
  );
  // Topic 0 is the big one (in the first category, readable by everyone); the others cycle through the categories.
  await dataSource.query(
    `INSERT INTO forum_topic (id, category_id, title, slug, author_id, pinned, stack_release, last_posted_at,
       last_poster_id, created_at)
     SELECT ${uuid("topic", "t")}, ${uuid("category", `(CASE WHEN t = 0 THEN 1 ELSE 1 + t % ${CATEGORIES.length} END)`)},
       'Topic ' || t || ': upgrading the control plane without downtime', 'topic-' || t,
       ${uuid("author", `(1 + t % ${AUTHORS})`)}, t IN (1, 2), CASE WHEN t % 4 = 0 THEN '2026.11' END,
       timestamptz '2026-01-01', ${uuid("author", `(1 + t % ${AUTHORS})`)}, timestamptz '2026-01-01' + t * interval '1 minute'
     FROM generate_series(0, ${others}) AS t`,
  );
  const body = (index: string) => `($1::text[])[1 + (${index}) % ${markdown.length}]`;
  const rendered = (index: string) => `($2::text[])[1 + (${index}) % ${markdown.length}]`;
  await dataSource.query(
    `INSERT INTO forum_post (topic_id, number, author_id, markdown, html, like_count, reply_to_number, created_at,
       updated_at)
     SELECT ${uuid("topic", "0")}, n, ${uuid("author", `(1 + n * 7 % ${AUTHORS})`)}, ${body("n")}, ${rendered("n")},
       n % 5, CASE WHEN n > 1 AND n % 3 = 0 THEN n - 1 END,
       timestamptz '2026-06-01' + n * interval '30 seconds', timestamptz '2026-06-01' + n * interval '30 seconds'
     FROM generate_series(1, ${layout.bigTopicPosts}) AS n`,
    [markdown, html],
  );
  await dataSource.query(
    `INSERT INTO forum_post (topic_id, number, author_id, markdown, html, like_count, created_at, updated_at)
     SELECT ${uuid("topic", `(1 + i % ${others})`)}, 1 + i / ${others}, ${uuid("author", `(1 + i * 7 % ${AUTHORS})`)},
       ${body("i")}, ${rendered("i")}, i % 4,
       timestamptz '2026-01-01' + i * interval '2 minutes', timestamptz '2026-01-01' + i * interval '2 minutes'
     FROM generate_series(0, ${layout.posts - layout.bigTopicPosts - 1}) AS i`,
    [markdown, html],
  );
  // Counters as the app keeps them when posting, and an accepted answer in the categories that allow them.
  await dataSource.query(
    `UPDATE forum_topic t SET highest_post_number = p.highest, reply_count = p.highest - 1, like_count = p.likes,
       last_posted_at = p.last_at, last_poster_id = p.last_poster,
       accepted_post_id = CASE WHEN p.highest > 1 AND t.category_id IN (${uuid("category", "1")}, ${uuid("category", "2")})
         AND right(t.slug, 1) IN ('0', '5') THEN p.second END
     FROM (SELECT topic_id, max(number) AS highest, sum(like_count) AS likes, max(created_at) AS last_at,
             (array_agg(author_id ORDER BY number DESC))[1] AS last_poster,
             (array_agg(id ORDER BY number))[2] AS second
           FROM forum_post GROUP BY topic_id) AS p
     WHERE p.topic_id = t.id`,
  );
  await dataSource.query(
    `INSERT INTO forum_topic_tag (topic_id, tag_id)
     SELECT DISTINCT ${uuid("topic", "t")}, ${uuid("tag", `(1 + tag)`)}
     FROM generate_series(0, ${others}) AS t, LATERAL (VALUES (t % ${TAGS}), ((t * 7) % ${TAGS})) AS x(tag)
     WHERE t % 3 <> 0`,
  );
  await dataSource.query(
    `INSERT INTO forum_topic_watch (topic_id, person_id, level)
     SELECT ${uuid("topic", "0")}, ${uuid("watcher", "i")}, 'watching' FROM generate_series(1, ${WATCHERS}) AS i`,
  );
  const posterTokens: string[] = [];
  for (let index = 0; index < POSTERS; index++)
    posterTokens.push((await buildCaller(dataSource, { handle: `poster-${index}` })).token);
  // A forum in service is vacuumed by autovacuum; without it index-only scans would still read the heap.
  await dataSource.query("VACUUM ANALYZE");
  const [ids] = (await dataSource.query(
    `SELECT ${uuid("topic", "0")} AS big, ${uuid("topic", "1")} AS quiet,
       (SELECT count(*)::int FROM forum_post) AS posts, (SELECT count(*)::int FROM forum_topic) AS topics`,
  )) as Array<{ big: string; quiet: string; posts: number; topics: number }>;
  return {
    topics: ids.topics,
    posts: ids.posts,
    watchers: WATCHERS,
    bigTopicId: toGlobalId("ForumTopic", ids.big),
    bigTopicPosts: layout.bigTopicPosts,
    quietTopicId: toGlobalId("ForumTopic", ids.quiet),
    categorySlug: CATEGORIES[1][0],
    posterTokens,
  };
}
