import type { EntityManager } from "typeorm";
import type { Actor } from "../audit/record-audit-event.js";
import type { RenderedPost } from "./forum-markdown.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import { ForumPostRevisionEntity } from "./forum-post-revision.entity.js";
import { type ForumTopic, ForumTopicEntity } from "./forum-topic.entity.js";
import { ForumTopicReadStateEntity } from "./forum-topic-read-state.entity.js";
import { ForumTopicWatchEntity, type ForumWatchLevel } from "./forum-topic-watch.entity.js";
import { indexForumTopic } from "./search/forum-search-source.js";

/**
 * Appends a post to a topic whose row the caller has locked (so numbers are gapless and never collide), writes its
 * first revision, moves the topic's counters and last activity, marks it read for its author and makes the author
 * watch the topic (`watching` for a topic's author, `tracking` for repliers) unless they chose a level before.
 */
export async function appendPost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topic: ForumTopic,
  content: { markdown: string; rendered: RenderedPost; replyToNumber: number | null },
): Promise<ForumPost> {
  const number = topic.highestPostNumber + 1;
  // Counted, not derived from the number: split and merge leave gaps in numbers and add notes that are not replies.
  const replyCount = number === 1 ? 0 : topic.replyCount + 1;
  const post = await manager.save(ForumPostEntity, {
    topicId: topic.id,
    number,
    authorId: actor.personId,
    markdown: content.markdown,
    html: content.rendered.html,
    version: 1,
    hidden: false,
    hiddenReason: null,
    replyToNumber: content.replyToNumber,
    likeCount: 0,
    createdAt: actor.now,
    updatedAt: actor.now,
    editedAt: null,
  });
  await manager.insert(ForumPostRevisionEntity, {
    postId: post.id,
    version: 1,
    markdown: content.markdown,
    editorId: actor.personId,
    reason: null,
    createdAt: actor.now,
  });
  topic.highestPostNumber = number;
  topic.replyCount = replyCount;
  topic.lastPostedAt = actor.now;
  topic.lastPosterId = actor.personId;
  await manager.update(
    ForumTopicEntity,
    { id: topic.id },
    {
      highestPostNumber: number,
      replyCount,
      lastPostedAt: actor.now,
      lastPosterId: actor.personId,
    },
  );
  await manager.upsert(
    ForumTopicReadStateEntity,
    { topicId: topic.id, personId: actor.personId, lastReadPostNumber: number, updatedAt: actor.now },
    ["topicId", "personId"],
  );
  const level: ForumWatchLevel = number === 1 ? "watching" : "tracking";
  await manager
    .createQueryBuilder()
    .insert()
    .into(ForumTopicWatchEntity)
    .values({ topicId: topic.id, personId: actor.personId, level, updatedAt: actor.now })
    .orIgnore()
    .execute();
  await indexForumTopic(manager, topic.id, actor.now, { onlyPostId: post.id });
  return post;
}
