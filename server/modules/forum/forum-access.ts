import type { EntityManager } from "typeorm";
import { notFound } from "../../errors.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { ForumResource } from "../../policy/rules/forum-rules.js";
import { type ForumAudience, type ForumCategory, ForumCategoryEntity } from "./forum-category.entity.js";
import { entityColumns } from "./entity-columns.js";
import { forumLoaders } from "./forum-loaders.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";

const TIERS = new WeakMap<GraphQLContext, Promise<string[]>>();

/**
 * Tiers of the approved cooperatives the viewer belongs to, loaded once per request. Inside a transaction pass its
 * manager: on PGlite a query on another connection would wait for the transaction forever.
 */
export function viewerCooperativeTiers(
  context: GraphQLContext,
  manager: EntityManager = context.dataSource.manager,
): Promise<string[]> {
  let tiers = TIERS.get(context);
  if (!tiers) {
    tiers = context.viewer
      ? manager
          .query(
            `SELECT DISTINCT c.tier FROM membership m JOIN cooperative c ON c.id = m.cooperative_id
             WHERE m.person_id = $1 AND c.status = 'approved'`,
            [context.viewer.person.id],
          )
          .then((rows: Array<{ tier: string }>) => rows.map((row) => row.tier))
      : Promise.resolve([]);
    TIERS.set(context, tiers);
  }
  return tiers;
}

/** The policy resource for an action whose audience is `audience`. */
export async function audienceResource(
  context: GraphQLContext,
  audience: ForumAudience,
  extra: Partial<ForumResource> = {},
  manager: EntityManager = context.dataSource.manager,
): Promise<ForumResource> {
  return { audience, viewerCooperativeTiers: await viewerCooperativeTiers(context, manager), ...extra };
}

/** Whether the viewer (perhaps anonymous) may read a category. */
export async function canReadCategory(
  context: GraphQLContext,
  category: ForumCategory,
  manager: EntityManager = context.dataSource.manager,
): Promise<boolean> {
  if (category.readAudience === "everyone") return true;
  if (!context.viewer) return false;
  return context.policy.can(
    "forum.read",
    await audienceResource(context, category.readAudience, {}, manager),
  );
}

const CATEGORIES = new WeakMap<GraphQLContext, Promise<ForumCategory[]>>();

/**
 * Every category, in order, loaded once per request: the forum page asks for the category list and the topic
 * list, and both need it. Also primes the `categoryById` loader, so each topic's `category` costs no query.
 */
function allCategories(context: GraphQLContext): Promise<ForumCategory[]> {
  let categories = CATEGORIES.get(context);
  if (!categories) {
    const { manager } = context.dataSource;
    categories = manager
      .query(
        `SELECT ${entityColumns(manager, ForumCategoryEntity, "category")} FROM forum_category category
         ORDER BY category.position ASC, category.name ASC`,
      )
      .then((rows: ForumCategory[]) => {
        const byId = forumLoaders(context).categoryById;
        for (const row of rows) byId.prime(row.id, row);
        return rows;
      });
    CATEGORIES.set(context, categories);
  }
  return categories;
}

/** Every category the viewer may read. Categories are few, so this is one small query per request. */
export async function readableCategories(context: GraphQLContext): Promise<ForumCategory[]> {
  const readable: ForumCategory[] = [];
  for (const category of await allCategories(context))
    if (await canReadCategory(context, category)) readable.push(category);
  return readable;
}

/** Whether the viewer may see a topic: its category is readable and it is not hidden (moderators see all). */
export async function canReadTopic(
  context: GraphQLContext,
  topic: ForumTopic,
  category: ForumCategory,
  manager: EntityManager = context.dataSource.manager,
): Promise<boolean> {
  if (topic.hidden && !context.policy.isModerator) return false;
  return canReadCategory(context, category, manager);
}

export interface TopicInCategory {
  topic: ForumTopic;
  category: ForumCategory;
}

/**
 * Loads a topic and its category the viewer may read, or NOT_FOUND (an unreadable topic does not exist for them).
 * Pass the transaction's manager and `lock` to lock the topic row for the rest of the transaction.
 */
export async function loadReadableTopic(
  context: GraphQLContext,
  topicId: string,
  manager: EntityManager = context.dataSource.manager,
  lock = false,
): Promise<TopicInCategory> {
  const topic = await manager.findOne(ForumTopicEntity, {
    where: { id: topicId },
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!topic) throw notFound("Topic");
  const category = await manager.findOneByOrFail(ForumCategoryEntity, { id: topic.categoryId });
  if (!(await canReadTopic(context, topic, category, manager))) throw notFound("Topic");
  return { topic, category };
}

/** Loads a post with its topic and category, all readable by the viewer, or NOT_FOUND. */
export async function loadReadablePost(
  context: GraphQLContext,
  postId: string,
  manager: EntityManager = context.dataSource.manager,
  lock = false,
): Promise<TopicInCategory & { post: ForumPost }> {
  const post = await manager.findOne(ForumPostEntity, {
    where: { id: postId },
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!post) throw notFound("Post");
  const found = await loadReadableTopic(context, post.topicId, manager);
  if (post.hidden && !context.policy.isModerator && post.authorId !== context.viewer?.person.id) {
    throw notFound("Post");
  }
  return { ...found, post };
}
