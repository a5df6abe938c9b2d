import express, { type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import { parseGlobalId } from "../../graphql/global-id.js";
import { type FeedItem, renderRss } from "./rss-document.js";
import { topicPath } from "./forum-resolver-support.js";
import type { ForumTopic } from "./forum-topic.entity.js";

const FEED_SIZE = 30;

interface TopicRow {
  id: string;
  slug: string;
  title: string;
  created_at: Date;
  category_name: string;
  author: string;
  html: string;
}

/** Public topics (category readable by everyone, topic and opening post not hidden), newest first. */
async function publicTopics(dataSource: DataSource, categoryId: string | null): Promise<TopicRow[]> {
  return dataSource.query(
    `SELECT t.id, t.slug, t.title, t.created_at, c.name AS category_name, p.handle AS author, fp.html
     FROM forum_topic t
     JOIN forum_category c ON c.id = t.category_id
     JOIN person p ON p.id = t.author_id
     JOIN forum_post fp ON fp.topic_id = t.id AND fp.number = 1
     WHERE c.read_audience = 'everyone' AND t.hidden = false AND fp.hidden = false
       AND ($1::uuid IS NULL OR t.category_id = $1::uuid)
     ORDER BY t.created_at DESC, t.id DESC LIMIT ${FEED_SIZE}`,
    [categoryId],
  );
}

function topicItem(publicUrl: string, row: TopicRow): FeedItem {
  return {
    title: row.title,
    link: `${publicUrl}${topicPath({ id: row.id, slug: row.slug } as ForumTopic)}`,
    guid: `forum-topic-${row.id}`,
    publishedAt: new Date(row.created_at),
    author: row.author,
    html: row.html,
    category: row.category_name,
  };
}

function sendFeed(response: Response, body: string): void {
  response.setHeader("Cache-Control", "public, max-age=60");
  response.type("application/rss+xml; charset=utf-8").send(body);
}

/**
 * RSS feeds of the public forum: `/forum/latest.rss`, `/forum/c/<slug>.rss` and `/forum/t/<topic ID>.rss`. Only
 * content anyone may read appears; anything else answers 404 as if it did not exist.
 */
export function forumFeedRoutes(deps: { dataSource: DataSource; publicUrl: string }): Router {
  const { dataSource, publicUrl } = deps;
  const router = express.Router();
  router.get("/forum/latest.rss", async (_request, response) => {
    const rows = await publicTopics(dataSource, null);
    sendFeed(
      response,
      renderRss({
        title: "Alliance forum: latest topics",
        link: `${publicUrl}/forum`,
        selfUrl: `${publicUrl}/forum/latest.rss`,
        description: "The latest public topics of the alliance forum",
        items: rows.map((row) => topicItem(publicUrl, row)),
      }),
    );
  });
  router.get("/forum/c/:slug.rss", async (request, response) => {
    const [category]: Array<{ id: string; name: string; description: string; slug: string }> =
      await dataSource.query(
        "SELECT id, name, description, slug FROM forum_category WHERE slug = $1 AND read_audience = 'everyone'",
        [request.params.slug],
      );
    if (!category) {
      response.status(404).type("text").send("No such public category");
      return;
    }
    const rows = await publicTopics(dataSource, category.id);
    sendFeed(
      response,
      renderRss({
        title: `Alliance forum: ${category.name}`,
        link: `${publicUrl}/forum/c/${category.slug}`,
        selfUrl: `${publicUrl}/forum/c/${category.slug}.rss`,
        description: category.description || category.name,
        items: rows.map((row) => topicItem(publicUrl, row)),
      }),
    );
  });
  router.get("/forum/t/:id.rss", async (request, response) => {
    const parsed = parseGlobalId(request.params.id);
    const [topic]: Array<{ id: string; slug: string; title: string }> =
      parsed?.typeName === "ForumTopic"
        ? await dataSource.query(
            `SELECT t.id, t.slug, t.title FROM forum_topic t JOIN forum_category c ON c.id = t.category_id
             WHERE t.id = $1 AND t.hidden = false AND c.read_audience = 'everyone'`,
            [parsed.id],
          )
        : [];
    if (!topic) {
      response.status(404).type("text").send("No such public topic");
      return;
    }
    const posts: Array<{ id: string; number: number; html: string; created_at: Date; author: string }> =
      await dataSource.query(
        `SELECT fp.id, fp.number, fp.html, fp.created_at, p.handle AS author FROM forum_post fp
         JOIN person p ON p.id = fp.author_id
         WHERE fp.topic_id = $1 AND fp.hidden = false ORDER BY fp.number DESC LIMIT ${FEED_SIZE}`,
        [topic.id],
      );
    const link = `${publicUrl}${topicPath(topic as ForumTopic)}`;
    sendFeed(
      response,
      renderRss({
        title: topic.title,
        link,
        selfUrl: `${publicUrl}/forum/t/${request.params.id}.rss`,
        description: `Posts in “${topic.title}”`,
        items: posts.map((post) => ({
          title: post.number === 1 ? topic.title : `${topic.title} #${post.number}`,
          link: `${link}/${post.number}`,
          guid: `forum-post-${post.id}`,
          publishedAt: new Date(post.created_at),
          author: post.author,
          html: post.html,
        })),
      }),
    );
  });
  return router;
}
