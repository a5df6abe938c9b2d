import { expectData, graphql } from "./graphql-client.js";
import type { TestHub } from "./test-hub.js";

/** GraphQL documents of category/tag watching and forum email preferences. */
export const WATCHING = {
  setCategory: `mutation($input: SetForumCategoryWatchLevelInput!) { setForumCategoryWatchLevel(input: $input) {
    category { slug viewerWatchLevel defaultWatchLevel } } }`,
  setTag: `mutation($input: SetForumTagWatchLevelInput!) { setForumTagWatchLevel(input: $input) { tag level } }`,
  setDefault: `mutation($input: SetForumCategoryDefaultWatchLevelInput!) {
    setForumCategoryDefaultWatchLevel(input: $input) { category { slug defaultWatchLevel } } }`,
  mine: `{ forumCategoryWatches { level category { slug } } forumTagWatches { tag level } }`,
  preferences: `{ forumEmailPreferences { emailMentions emailReplies emailDigest digestFrequency address } }`,
  updatePreferences: `mutation($input: UpdateForumEmailPreferencesInput!) {
    updateForumEmailPreferences(input: $input) { preferences { emailMentions emailReplies emailDigest digestFrequency } } }`,
};

/** Sets a person's level on a category (null clears it). */
export async function watchCategory(hub: TestHub, token: string, categoryId: string, level: string | null) {
  expectData(await graphql(hub.url, WATCHING.setCategory, { input: { categoryId, level } }, { token }));
}

/** Sets a person's level on a tag (null clears it). */
export async function watchTag(hub: TestHub, token: string, tag: string, level: string | null) {
  expectData(await graphql(hub.url, WATCHING.setTag, { input: { tag, level } }, { token }));
}

/** How many of a person's notifications about `topicId` have `kind` (consolidated ones count once). */
export async function notificationsAbout(hub: TestHub, token: string, topicId: string, kind: string) {
  const data = expectData(
    await graphql<{
      forumNotifications: {
        edges: Array<{ node: { kind: string; count: number; topic: { id: string } | null } }>;
      };
    }>(
      hub.url,
      `{ forumNotifications(first: 100) { edges { node { kind count topic { id } } } } }`,
      {},
      { token },
    ),
  );
  return data.forumNotifications.edges
    .filter(({ node }) => node.kind === kind && node.topic?.id === topicId)
    .reduce((sum, { node }) => sum + node.count, 0);
}
