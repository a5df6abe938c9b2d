import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { badUserInput } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import type { ForumCategory } from "../forum-category.entity.js";
import { ForumPostEntity } from "../forum-post.entity.js";
import { type ForumTopic, ForumTopicEntity } from "../forum-topic.entity.js";
import { indexForumTopic } from "../search/forum-search-source.js";
import { topicSlug } from "../topic-slug.js";
import { ForumSmallActionEntity } from "./forum-small-action.entity.js";
import { smallActionText } from "./small-action-text.js";
import { appendSmallAction, movePosts, recountTopic } from "./topic-stream.js";

/**
 * Moves selected replies of a topic (locked by the caller) into a new topic in `category`: they keep their order,
 * authors and times and are numbered from 1 (the first becomes the opening post). Both topics get a note, their
 * counters and last activity are recomputed, readers keep what they had read, an accepted answer follows its post,
 * and both are re-indexed for search.
 */
export async function splitTopic(
  manager: EntityManager,
  actor: Actor & { personId: string },
  source: ForumTopic,
  target: { category: ForumCategory; title: string; postIds: string[] },
): Promise<{ source: ForumTopic; topic: ForumTopic }> {
  const posts = await manager.find(ForumPostEntity, {
    where: { id: In(target.postIds), topicId: source.id },
    order: { number: "ASC" },
  });
  const notes = await manager.countBy(ForumSmallActionEntity, { postId: In(target.postIds) });
  if (posts.length !== new Set(target.postIds).size || notes > 0)
    throw badUserInput("Some posts are not replies of this topic", [
      { field: "input.postIds", message: "replies of the topic only" },
    ]);
  if (posts.some((post) => post.number === 1))
    throw badUserInput("The opening post cannot be split off", [
      { field: "input.postIds", message: "replies only, not post 1" },
    ]);
  const first = posts[0];
  const topic = await manager.save(ForumTopicEntity, {
    categoryId: target.category.id,
    title: target.title,
    slug: topicSlug(target.title),
    authorId: first.authorId,
    pinned: false,
    locked: false,
    hidden: false,
    acceptedPostId: null,
    stackRelease: source.stackRelease,
    highestPostNumber: 0,
    replyCount: 0,
    likeCount: 0,
    lastPostedAt: first.createdAt,
    lastPosterId: first.authorId,
    createdAt: first.createdAt,
    updatedAt: actor.now,
  });
  const moves = posts.map((post, index) => ({ id: post.id, from: post.number, to: index + 1 }));
  await movePosts(manager, source.id, topic.id, moves);
  // A reader who had read up to post n of the source has read the moved posts numbered up to n.
  await manager.query(
    `INSERT INTO forum_topic_read_state (topic_id, person_id, last_read_post_number, updated_at)
     SELECT $1, rs.person_id, (SELECT count(*) FROM unnest($3::int[]) AS moved(n) WHERE moved.n <= rs.last_read_post_number), $4
       FROM forum_topic_read_state rs WHERE rs.topic_id = $2 AND rs.last_read_post_number >= $5`,
    [topic.id, source.id, moves.map((move) => move.from), actor.now, first.number],
  );
  // The moved posts' authors follow the new topic as they followed the old one (its opener watches it).
  await manager.query(
    `INSERT INTO forum_topic_watch (topic_id, person_id, level, updated_at)
     SELECT DISTINCT ON (p.author_id) $1, p.author_id,
            CASE WHEN p.author_id = $2 THEN 'watching' ELSE 'tracking' END, $3
       FROM forum_post p WHERE p.topic_id = $1
     ON CONFLICT DO NOTHING`,
    [topic.id, first.authorId, actor.now],
  );
  const accepted = posts.find((post) => post.id === source.acceptedPostId);
  if (accepted) {
    await manager.update(ForumTopicEntity, { id: source.id }, { acceptedPostId: null });
    if (target.category.allowsAcceptedAnswers && accepted.number !== first.number)
      await manager.update(ForumTopicEntity, { id: topic.id }, { acceptedPostId: accepted.id });
  }
  const note = { authorId: actor.personId, now: actor.now, postCount: posts.length };
  await appendSmallAction(
    manager,
    source,
    { ...note, kind: "split_to", otherTopicId: topic.id },
    smallActionText("split_to", posts.length, topic),
  );
  const created = await recountTopic(manager, topic.id, actor.now);
  await appendSmallAction(
    manager,
    created,
    { ...note, kind: "split_from", otherTopicId: source.id },
    smallActionText("split_from", posts.length, source),
  );
  await recordAuditEvent(manager, actor, {
    action: "forum.topic.split",
    targetType: "ForumTopic",
    targetId: source.id,
    data: { newTopicId: topic.id, postIds: posts.map((post) => post.id), categoryId: target.category.id },
  });
  const result = {
    source: await recountTopic(manager, source.id, actor.now),
    topic: await recountTopic(manager, topic.id, actor.now),
  };
  await indexForumTopic(manager, source.id, actor.now);
  await indexForumTopic(manager, topic.id, actor.now);
  return result;
}
