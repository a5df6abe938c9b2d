import DataLoader from "dataloader";
import type { DataSource, EntitySchema } from "typeorm";
import type { GraphQLContext } from "../../graphql/context.js";
import { entityColumns } from "./entity-columns.js";
import { type ForumCategory, ForumCategoryEntity } from "./forum-category.entity.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";
import type { ForumWatchLevel } from "./forum-topic-watch.entity.js";

/** The forum's per-request DataLoaders (kept in the module so the shared loaders stay small). */
export interface ForumLoaders {
  categoryById: DataLoader<string, ForumCategory | null>;
  topicById: DataLoader<string, ForumTopic | null>;
  postById: DataLoader<string, ForumPost | null>;
  postByTopicNumber: DataLoader<string, ForumPost | null>;
  tagsByTopic: DataLoader<string, string[]>;
  topicCountByCategory: DataLoader<string, number>;
  viewerWatch: DataLoader<string, ForumWatchLevel | null>;
  viewerLastRead: DataLoader<string, number | null>;
  viewerLiked: DataLoader<string, boolean>;
  viewerBookmarked: DataLoader<string, boolean>;
}

const LOADERS = new WeakMap<GraphQLContext, ForumLoaders>();

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const index = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => index.get(id) ?? null);
}

async function keyed<V>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  keys: readonly string[],
  pick: (row: Record<string, unknown>) => [string, V],
  fallback: V,
): Promise<V[]> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(sql, parameters);
  const index = new Map(rows.map(pick));
  return keys.map((key) => (index.has(key) ? (index.get(key) as V) : fallback));
}

function createForumLoaders(context: GraphQLContext): ForumLoaders {
  const { dataSource } = context;
  const viewerId = context.viewer?.person.id ?? null;
  const perViewer = <V>(sql: string, pick: (row: Record<string, unknown>) => [string, V], fallback: V) =>
    new DataLoader<string, V>(async (ids) =>
      viewerId === null
        ? ids.map(() => fallback)
        : keyed(dataSource, sql, [[...ids], viewerId], ids, pick, fallback),
    );
  // Raw SQL shaped like the entity: these run on every topic page, and TypeORM's find costs more than the query.
  const rowsById = <T>(entity: EntitySchema<T>, table: string, ids: readonly string[]): Promise<T[]> =>
    dataSource.query(
      `SELECT ${entityColumns(dataSource.manager, entity, "item")} FROM ${table} item WHERE item.id = ANY($1)`,
      [[...ids]],
    );
  return {
    categoryById: new DataLoader(async (ids) =>
      byId(await rowsById(ForumCategoryEntity, "forum_category", ids), ids),
    ),
    topicById: new DataLoader(async (ids) => byId(await rowsById(ForumTopicEntity, "forum_topic", ids), ids)),
    postById: new DataLoader(async (ids) => byId(await rowsById(ForumPostEntity, "forum_post", ids), ids)),
    postByTopicNumber: new DataLoader(async (keys) => {
      const pairs = keys.map((key) => key.split("#"));
      const posts = await dataSource.manager
        .createQueryBuilder(ForumPostEntity, "post")
        // A superset of the wanted pairs, narrowed below; pages load posts by number range, not through here.
        .where("post.topic_id IN (:...topicIds) AND post.number IN (:...numbers)", {
          topicIds: [...new Set(pairs.map((pair) => pair[0]))],
          numbers: [...new Set(pairs.map((pair) => Number(pair[1])))],
        })
        .getMany();
      const index = new Map(posts.map((post) => [`${post.topicId}#${post.number}`, post]));
      return keys.map((key) => index.get(key) ?? null);
    }),
    tagsByTopic: new DataLoader(async (ids) => {
      const rows: Array<{ topic_id: string; name: string }> = await dataSource.query(
        `SELECT tt.topic_id, t.name FROM forum_topic_tag tt JOIN forum_tag t ON t.id = tt.tag_id
         WHERE tt.topic_id = ANY($1) ORDER BY t.name`,
        [[...ids]],
      );
      const index = new Map<string, string[]>();
      for (const row of rows) index.set(row.topic_id, [...(index.get(row.topic_id) ?? []), row.name]);
      return ids.map((id) => index.get(id) ?? []);
    }),
    topicCountByCategory: new DataLoader(async (ids) =>
      keyed(
        dataSource,
        "SELECT category_id, count(*) AS count FROM forum_topic WHERE category_id = ANY($1) AND hidden = false GROUP BY category_id",
        [[...ids]],
        ids,
        (row) => [String(row.category_id), Number(row.count)],
        0,
      ),
    ),
    viewerWatch: perViewer<ForumWatchLevel | null>(
      "SELECT topic_id, level FROM forum_topic_watch WHERE topic_id = ANY($1) AND person_id = $2",
      (row) => [String(row.topic_id), row.level as ForumWatchLevel],
      null,
    ),
    viewerLastRead: perViewer<number | null>(
      "SELECT topic_id, last_read_post_number FROM forum_topic_read_state WHERE topic_id = ANY($1) AND person_id = $2",
      (row) => [String(row.topic_id), Number(row.last_read_post_number)],
      null,
    ),
    viewerLiked: perViewer(
      "SELECT post_id FROM forum_post_like WHERE post_id = ANY($1) AND person_id = $2",
      (row) => [String(row.post_id), true],
      false,
    ),
    viewerBookmarked: perViewer(
      "SELECT post_id FROM forum_bookmark WHERE post_id = ANY($1) AND person_id = $2",
      (row) => [String(row.post_id), true],
      false,
    ),
  };
}

/** The forum loaders of this request. */
export function forumLoaders(context: GraphQLContext): ForumLoaders {
  let loaders = LOADERS.get(context);
  if (!loaders) {
    loaders = createForumLoaders(context);
    LOADERS.set(context, loaders);
  }
  return loaders;
}
