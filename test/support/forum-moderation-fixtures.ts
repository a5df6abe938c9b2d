import type { Person } from "../../server/modules/people/person.entity.js";
import { buildApiToken, buildPerson } from "./factories.js";
import type { ForumCaller } from "./forum-fixtures.js";
import { expectData, graphql } from "./graphql-client.js";
import type { TestHub } from "./test-hub.js";

/** GraphQL documents of the moderation-tool tests. */
export const MODERATION = {
  split: `mutation($input: SplitForumTopicInput!) { splitForumTopic(input: $input) {
    source { id replyCount highestPostNumber } topic { id title replyCount highestPostNumber likeCount
      lastPoster { handle } category { slug } } } }`,
  merge: `mutation($input: MergeForumTopicInput!) { mergeForumTopic(input: $input) {
    source { id locked replyCount mergedInto { id } } target { id replyCount highestPostNumber } } }`,
  stream: `query($id: ID!) { forumTopic(id: $id) { id locked replyCount highestPostNumber likeCount
    lastPoster { handle } viewerLastReadPostNumber mergedInto { id } acceptedAnswer { id }
    posts(first: 50) { edges { node { id number replyToNumber likeCount markdown author { handle }
      smallAction { kind postCount otherTopic { id } } } } } } }`,
  markRead: `mutation($input: MarkForumTopicReadInput!) { markForumTopicRead(input: $input) { topic { id } } }`,
  like: `mutation($input: ForumPostInput!) { likeForumPost(input: $input) { post { likeCount } } }`,
  impose: `mutation($input: ImposeForumPenaltyInput!) { imposeForumPenalty(input: $input) {
    penalty { id kind reason durationDays priorCount overridden active endsAt person { handle } } } }`,
  lift: `mutation($input: LiftForumPenaltyInput!) { liftForumPenalty(input: $input) {
    penalty { id active liftedAt liftReason liftedBy { handle } } } }`,
  history: `query($personId: ID!) { forumPenalties(personId: $personId) {
    kind durationDays active reason imposedBy { handle } liftedAt } }`,
  slowMode: `mutation($input: SetForumTopicSlowModeInput!) { setForumTopicSlowMode(input: $input) {
    topic { id slowModeSeconds } } }`,
};

export interface StreamPost {
  id: string;
  number: number;
  replyToNumber: number | null;
  likeCount: number;
  markdown: string;
  author: { handle: string };
  smallAction: { kind: string; postCount: number; otherTopic: { id: string } | null } | null;
}

export interface TopicStream {
  id: string;
  locked: boolean;
  replyCount: number;
  highestPostNumber: number;
  likeCount: number;
  lastPoster: { handle: string };
  viewerLastReadPostNumber: number | null;
  mergedInto: { id: string } | null;
  acceptedAnswer: { id: string } | null;
  posts: { edges: Array<{ node: StreamPost }> };
}

/** A topic with all its posts as `token` sees it. */
export async function readStream(hub: TestHub, id: string, token?: string): Promise<TopicStream> {
  const data = expectData(
    await graphql<{ forumTopic: TopicStream }>(hub.url, MODERATION.stream, { id }, token ? { token } : {}),
  );
  return data.forumTopic;
}

/** The audit actions recorded about an object, oldest first. */
export async function auditActions(hub: TestHub, targetId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await hub.database.dataSource.query(
    "SELECT action FROM audit_event WHERE target_id = $1 ORDER BY occurred_at, action",
    [targetId],
  );
  return rows.map((row) => row.action);
}

/** A forum caller whose token outlives tests that move the clock by weeks. */
export async function longLivedCaller(hub: TestHub, overrides: Partial<Person> = {}): Promise<ForumCaller> {
  const person = await buildPerson(hub.database.dataSource, overrides);
  const token = await buildApiToken(hub.database.dataSource, person, {
    expiresAt: new Date("2030-01-01T00:00:00Z"),
  });
  return { person, token };
}
