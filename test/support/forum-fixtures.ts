import type { ManualClock } from "../../server/clock.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import type { Person } from "../../server/modules/people/person.entity.js";
import { buildApiToken, buildPerson } from "./factories.js";
import { expectData, type GraphqlResult, graphql } from "./graphql-client.js";
import type { TestHub } from "./test-hub.js";

/** GraphQL documents the forum tests share. */
export const FORUM = {
  createCategory: `mutation($input: CreateForumCategoryInput!) { createForumCategory(input: $input) {
    category { id slug kind readAudience postAudience replyAudience allowsAcceptedAnswers } } }`,
  createTopic: `mutation($input: CreateForumTopicInput!) { createForumTopic(input: $input) {
    topic { id slug path title tags replyCount highestPostNumber viewerWatchLevel
      posts(first: 1) { edges { node { id number html version } } } } } }`,
  reply: `mutation($input: ReplyToForumTopicInput!) { replyToForumTopic(input: $input) {
    post { id number html markdown version replyToNumber } } }`,
  edit: `mutation($input: EditForumPostInput!) { editForumPost(input: $input) {
    post { id version markdown html editedAt revisions { version markdown diffHtml editor { handle } } } } }`,
  topic: `query($id: ID!, $first: Int, $after: String, $fromNumber: Int) { forumTopic(id: $id) {
    id title locked pinned hidden replyCount highestPostNumber viewerLastReadPostNumber viewerUnreadCount
    viewerCanReply acceptedAnswer { number }
    posts(first: $first, after: $after, fromNumber: $fromNumber) {
      edges { cursor node { number html hidden likeCount viewerHasLiked isAcceptedAnswer author { handle } } }
      pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
  notifications: `query($unreadOnly: Boolean) { forumNotifications(first: 50, unreadOnly: $unreadOnly) {
    unreadCount edges { node { id kind postNumber count read actor { handle } topic { id } } } } }`,
};

/** A signed-in forum participant: person plus API token. */
export interface ForumCaller {
  person: Person;
  token: string;
}

/** A person with a write token; `handle` makes mentions readable in tests. */
export async function forumCaller(hub: TestHub, overrides: Partial<Person> = {}): Promise<ForumCaller> {
  const person = await buildPerson(hub.database.dataSource, overrides);
  return { person, token: await buildApiToken(hub.database.dataSource, person) };
}

/**
 * Runs a forum mutation after moving the clock past every posting window, so tests that are not about rate limits
 * are not limited by them.
 */
export async function afterCooldown<Data>(
  clock: ManualClock,
  run: () => Promise<GraphqlResult<Data>>,
): Promise<GraphqlResult<Data>> {
  clock.advance(16_000);
  return run();
}

/** Creates a category as a steward and returns its global ID. */
export async function createCategory(
  hub: TestHub,
  stewardToken: string,
  input: Record<string, unknown>,
): Promise<string> {
  const data = expectData(
    await graphql<{ createForumCategory: { category: { id: string } } }>(
      hub.url,
      FORUM.createCategory,
      { input },
      { token: stewardToken },
    ),
  );
  return data.createForumCategory.category.id;
}

export interface CreatedTopic {
  id: string;
  firstPostId: string;
}

/** Starts a topic (after the cooldown) and returns its ID and first post's ID. */
export async function createTopic(
  hub: TestHub,
  clock: ManualClock,
  token: string,
  input: Record<string, unknown>,
): Promise<CreatedTopic> {
  const result = await afterCooldown(clock, () =>
    graphql<{
      createForumTopic: { topic: { id: string; posts: { edges: Array<{ node: { id: string } }> } } };
    }>(hub.url, FORUM.createTopic, { input }, { token }),
  );
  const topic = expectData(result).createForumTopic.topic;
  await hub.forumFanout.deliver(); // the watchers hear of it just after the commit: wait for that
  return { id: topic.id, firstPostId: topic.posts.edges[0].node.id };
}

/** Replies (after the cooldown) and returns the new post. */
export async function reply(
  hub: TestHub,
  clock: ManualClock,
  token: string,
  input: Record<string, unknown>,
): Promise<{ id: string; number: number; html: string; version: number }> {
  const result = await afterCooldown(clock, () =>
    graphql<{ replyToForumTopic: { post: { id: string; number: number; html: string; version: number } } }>(
      hub.url,
      FORUM.reply,
      { input },
      { token },
    ),
  );
  const post = expectData(result).replyToForumTopic.post;
  await hub.forumFanout.deliver(); // the watchers hear of it just after the commit: wait for that
  return post;
}

export const forumPostId = (uuid: string) => toGlobalId("ForumPost", uuid);
