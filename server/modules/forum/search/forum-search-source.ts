import type { EntityManager } from "typeorm";
import { stripHighlightMarkers } from "../../search/core/index.js";
import type {
  SearchDocument,
  SearchDocumentRef,
  SearchVisibility,
} from "../../search/core/search-provider.js";
import { markdownPlainText } from "../../search/markdown-plain-text.js";
import { searchIndexerFor } from "../../search/search-indexer.js";
import type { SearchSource } from "../../search/search-sources.js";
import type { ForumAudience } from "../forum-category.entity.js";
import { forumSearchVisibility } from "./forum-search-visibility.js";

interface TopicRow {
  id: string;
  title: string;
  slug: string;
  hidden: boolean;
  accepted_post_id: string | null;
  stack_release: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  category_slug: string;
  read_audience: ForumAudience;
  author_handle: string;
  tags: string[] | null;
}

interface PostRow {
  id: string;
  number: number;
  markdown: string;
  hidden: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  author_handle: string;
}

const TOPIC_SQL = `SELECT t.id, t.title, t.slug, t.hidden, t.accepted_post_id, t.stack_release, t.created_at,
    t.updated_at, c.slug AS category_slug, c.read_audience, p.handle AS author_handle,
    ARRAY(SELECT g.name FROM forum_topic_tag tt JOIN forum_tag g ON g.id = tt.tag_id
          WHERE tt.topic_id = t.id ORDER BY g.name) AS tags
  FROM forum_topic t
  JOIN forum_category c ON c.id = t.category_id
  JOIN person p ON p.id = t.author_id`;

const POSTS_SQL = `SELECT fp.id, fp.number, fp.markdown, fp.hidden, fp.created_at, fp.updated_at, p.handle AS author_handle
  FROM forum_post fp JOIN person p ON p.id = fp.author_id
  WHERE fp.topic_id = $1`;

const plain = (text: string) => stripHighlightMarkers(text);

/** The hub path of a topic, and of one of its posts. */
export function topicUrl(topic: { slug: string; id: string }): string {
  return `/forum/t/${topic.slug}/${topic.id}`;
}

function topicDocument(
  topic: TopicRow,
  firstPost: PostRow | undefined,
  visibility: SearchVisibility,
): SearchDocument {
  return {
    type: "topic",
    id: topic.id,
    title: plain(topic.title),
    body: plain(firstPost ? markdownPlainText(firstPost.markdown) : ""),
    url: topicUrl(topic),
    categorySlug: topic.category_slug,
    tags: topic.tags ?? [],
    authorHandle: topic.author_handle,
    ...(topic.stack_release ? { release: topic.stack_release } : {}),
    status: topic.accepted_post_id ? "solved" : "unsolved",
    createdAt: new Date(topic.created_at),
    updatedAt: new Date(topic.updated_at),
    visibility,
  };
}

function postDocument(topic: TopicRow, post: PostRow, visibility: SearchVisibility): SearchDocument {
  return {
    type: "post",
    id: post.id,
    title: plain(topic.title),
    body: plain(markdownPlainText(post.markdown)),
    url: `${topicUrl(topic)}#post-${post.number}`,
    categorySlug: topic.category_slug,
    tags: topic.tags ?? [],
    authorHandle: post.author_handle,
    ...(topic.stack_release ? { release: topic.stack_release } : {}),
    createdAt: new Date(post.created_at),
    updatedAt: new Date(post.updated_at),
    visibility,
  };
}

/**
 * The documents of one topic: the topic itself (title and first post) and each visible reply (the first post is
 * the topic's body, so it is not indexed twice). A hidden topic has none.
 */
async function topicDocuments(
  manager: EntityManager,
  topic: TopicRow,
  visibilities: Map<ForumAudience, SearchVisibility>,
  onlyPostId?: string,
): Promise<{ documents: SearchDocument[]; hiddenPosts: SearchDocumentRef[] }> {
  let visibility = visibilities.get(topic.read_audience);
  if (!visibility) {
    visibility = await forumSearchVisibility(manager, topic.read_audience);
    visibilities.set(topic.read_audience, visibility);
  }
  const posts = (await manager.query(
    `${POSTS_SQL} AND (fp.number = 1 OR $2::uuid IS NULL OR fp.id = $2) ORDER BY fp.number`,
    [topic.id, onlyPostId ?? null],
  )) as PostRow[];
  const documents = [
    topicDocument(
      topic,
      posts.find((post) => post.number === 1 && !post.hidden),
      visibility,
    ),
  ];
  const hiddenPosts: SearchDocumentRef[] = [];
  for (const post of posts) {
    if (post.number === 1) continue;
    if (post.hidden) hiddenPosts.push({ type: "post", id: post.id });
    else documents.push(postDocument(topic, post, visibility));
  }
  return { documents, hiddenPosts };
}

/**
 * Keeps a topic's search documents current, in the caller's transaction: the topic and its visible replies are
 * (re-)indexed with the category's visibility, hidden replies removed; a hidden or deleted topic is removed with
 * all its posts. `onlyPostId` limits the replies re-indexed to one (a new reply or an edit), so a long topic is
 * not rewritten whole on every reply; changes of visibility (hiding, moving) re-index everything.
 */
export async function indexForumTopic(
  manager: EntityManager,
  topicId: string,
  now: Date,
  options: { onlyPostId?: string } = {},
): Promise<void> {
  const indexer = searchIndexerFor(manager);
  const [topic] = (await manager.query(`${TOPIC_SQL} WHERE t.id = $1`, [topicId])) as TopicRow[];
  if (!topic || topic.hidden) {
    const posts = (await manager.query("SELECT id FROM forum_post WHERE topic_id = $1", [topicId])) as Array<{
      id: string;
    }>;
    await indexer.remove(
      manager,
      [{ type: "topic", id: topicId }, ...posts.map((post) => ({ type: "post" as const, id: post.id }))],
      now,
    );
    return;
  }
  const { documents, hiddenPosts } = await topicDocuments(manager, topic, new Map(), options.onlyPostId);
  await indexer.index(manager, documents, now);
  await indexer.remove(manager, hiddenPosts, now);
}

/**
 * Re-indexes every topic of a category after its read audience changed, so search follows the new audience at
 * once (a category closed to cooperatives must not stay findable by everyone).
 */
export async function indexForumCategory(
  manager: EntityManager,
  categoryId: string,
  now: Date,
): Promise<void> {
  const topics = (await manager.query("SELECT id FROM forum_topic WHERE category_id = $1 ORDER BY id", [
    categoryId,
  ])) as Array<{ id: string }>;
  for (const topic of topics) await indexForumTopic(manager, topic.id, now);
}

/**
 * Forum topics and replies for the hub's search. Visible topics only; cooperative-only categories get the
 * approved cooperatives as of the rebuild (see `forumSearchVisibility`).
 */
export const forumSearchSource: SearchSource = {
  name: "forum",
  async count(manager) {
    const [row] = (await manager.query(
      `SELECT (SELECT count(*) FROM forum_topic WHERE NOT hidden)
         + (SELECT count(*) FROM forum_post fp JOIN forum_topic t ON t.id = fp.topic_id
            WHERE NOT t.hidden AND NOT fp.hidden AND fp.number > 1) AS count`,
    )) as Array<{ count: number | string }>;
    return Number(row?.count ?? 0);
  },
  async *documents(manager) {
    const topics = (await manager.query(
      `${TOPIC_SQL} WHERE NOT t.hidden ORDER BY t.created_at, t.id`,
    )) as TopicRow[];
    const visibilities = new Map<ForumAudience, SearchVisibility>();
    for (const topic of topics) {
      const { documents } = await topicDocuments(manager, topic, visibilities);
      yield* documents;
    }
  },
};
