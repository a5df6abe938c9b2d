import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { fromGlobalId } from "../server/graphql/global-id.js";
import { buildCooperative } from "./support/factories.js";
import {
  createCategory,
  createTopic,
  FORUM,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let steward: ForumCaller;
let ada: ForumCaller;
let bob: ForumCaller;
let coopMember: ForumCaller;
let general: string;
let members: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  ada = await forumCaller(hub, { handle: "ada-forum" });
  bob = await forumCaller(hub, { handle: "bob-forum" });
  coopMember = await forumCaller(hub);
  await buildCooperative(hub.database.dataSource, { members: [coopMember.person] });
  general = await createCategory(hub, steward.token, {
    slug: "general",
    name: "General",
    description: "Anything about the alliance",
    position: 1,
  });
  members = await createCategory(hub, steward.token, {
    slug: "members-only",
    name: "Members only",
    position: 2,
    readAudience: "COOPERATIVES",
    postAudience: "COOPERATIVES",
    replyAudience: "COOPERATIVES",
  });
});
afterAll(() => hub.stop());

const CATEGORIES = `{ forumCategories { slug name position topicCount viewerCanPost } }`;
const TOPICS = `query($first: Int, $after: String, $order: ForumTopicOrder, $filter: ForumTopicFilter) {
  forumTopics(first: $first, after: $after, order: $order, filter: $filter) {
    edges { node { id title pinned tags likeCount category { slug } } } pageInfo { hasNextPage endCursor } } }`;

describe("Forum categories", () => {
  it("are created by stewards only, with unique slugs and validated fields", async () => {
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.createCategory,
        { input: { slug: "mine", name: "Mine" } },
        { token: ada.token },
      ),
      "FORBIDDEN",
    );
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.createCategory,
        { input: { slug: "general", name: "Again" } },
        {
          token: steward.token,
        },
      ),
      "CONFLICT",
    );
    const bad = await graphql(
      hub.url,
      FORUM.createCategory,
      { input: { slug: "ok-slug", name: "x", postAudience: "EVERYONE" } },
      { token: steward.token },
    );
    expectErrorCode(bad, "BAD_USER_INPUT");
    expect(problemFields(bad)).toEqual(["input.name", "input.postAudience"]);
  });

  it("lists only the categories a viewer may read, in order", async () => {
    const anonymous = expectData(
      await graphql<{ forumCategories: Array<{ slug: string }> }>(hub.url, CATEGORIES),
    );
    expect(anonymous.forumCategories.map((category) => category.slug)).toEqual(["general"]);
    const outsider = expectData(
      await graphql<{ forumCategories: Array<{ slug: string; viewerCanPost: boolean }> }>(
        hub.url,
        CATEGORIES,
        {},
        {
          token: ada.token,
        },
      ),
    );
    expect(outsider.forumCategories).toEqual([
      expect.objectContaining({ slug: "general", viewerCanPost: true }),
    ]);
    const member = expectData(
      await graphql<{ forumCategories: Array<{ slug: string; viewerCanPost: boolean }> }>(
        hub.url,
        CATEGORIES,
        {},
        {
          token: coopMember.token,
        },
      ),
    );
    expect(member.forumCategories.map((category) => [category.slug, category.viewerCanPost])).toEqual([
      ["general", true],
      ["members-only", true],
    ]);
  });
});

describe("Cooperative-only categories", () => {
  it("refuse topics from people outside cooperatives and hide their topics from them", async () => {
    // To an outsider the category does not exist; to a member of a pending cooperative neither.
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.createTopic,
        { input: { categoryId: members, title: "Private matters", markdown: "Only for members" } },
        { token: ada.token },
      ),
      "NOT_FOUND",
    );
    const topic = await createTopic(hub, clock, coopMember.token, {
      categoryId: members,
      title: "Private matters",
      markdown: "Only for members",
    });
    expect(expectData(await graphql(hub.url, FORUM.topic, { id: topic.id }, { token: ada.token }))).toEqual({
      forumTopic: null,
    });
    expect(expectData(await graphql(hub.url, FORUM.topic, { id: topic.id }))).toEqual({ forumTopic: null });
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.reply,
        { input: { topicId: topic.id, markdown: "Let me in" } },
        { token: ada.token },
      ),
      "NOT_FOUND",
    );
  });

  it("take members' writes in one transaction without waiting on a second connection (PGlite)", async () => {
    const topic = await createTopic(hub, clock, coopMember.token, {
      categoryId: members,
      title: "Members read state",
      markdown: "Mark me read",
    });
    // Each request starts with a transactional check of the members-only audience: nothing may hang.
    const marked = await graphql(
      hub.url,
      `mutation($input: MarkForumTopicReadInput!) { markForumTopicRead(input: $input) { topic { viewerLastReadPostNumber } } }`,
      { input: { topicId: topic.id, postNumber: 1 } },
      { token: coopMember.token },
    );
    expect(expectData(marked)).toEqual({ markForumTopicRead: { topic: { viewerLastReadPostNumber: 1 } } });
    const bookmarked = await graphql(
      hub.url,
      `mutation($input: BookmarkForumPostInput!) { bookmarkForumPost(input: $input) { bookmark { note } } }`,
      { input: { postId: topic.firstPostId } },
      { token: coopMember.token },
    );
    expect(expectData(bookmarked)).toEqual({ bookmarkForumPost: { bookmark: { note: "" } } });
  });

  it("answers FORBIDDEN when the category is readable but posting is not allowed", async () => {
    const announcements = await createCategory(hub, steward.token, {
      slug: "announcements",
      name: "Announcements",
      postAudience: "MODERATORS",
      replyAudience: "TCC_MEMBERS",
    });
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.createTopic,
        { input: { categoryId: announcements, title: "My announcement", markdown: "Hello all" } },
        { token: ada.token },
      ),
      "FORBIDDEN",
    );
    const topic = await createTopic(hub, clock, steward.token, {
      categoryId: announcements,
      title: "Release 2026.11 is out",
      markdown: "Read the notes",
    });
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.reply,
        { input: { topicId: topic.id, markdown: "Thanks!" } },
        {
          token: coopMember.token,
        },
      ),
      "FORBIDDEN",
    );
  });
});

describe("Topics and replies", () => {
  it("starts a topic with tags, a slug and a stable path; the author watches it", async () => {
    const result = await graphql<{ createForumTopic: { topic: Record<string, unknown> } }>(
      hub.url,
      FORUM.createTopic,
      {
        input: {
          categoryId: general,
          title: "MetalLB in layer 2 mode: ARP problems?",
          markdown: "Our **speakers** flap.",
          tags: ["MetalLB", "networking", "metallb"],
        },
      },
      { token: ada.token },
    );
    const topic = expectData(result).createForumTopic.topic;
    expect(topic).toMatchObject({
      slug: "metallb-in-layer-2-mode-arp-problems",
      tags: ["metallb", "networking"],
      replyCount: 0,
      highestPostNumber: 1,
      viewerWatchLevel: "WATCHING",
    });
    expect(topic.path).toBe(`/forum/t/metallb-in-layer-2-mode-arp-problems/${topic.id}`);
    expect(JSON.stringify(topic.posts)).toContain("<strong>speakers</strong>");
  });

  it("refuses more than five tags, oversize posts and anonymous posting with typed errors", async () => {
    const tooManyTags = await graphql(
      hub.url,
      FORUM.createTopic,
      {
        input: {
          categoryId: general,
          title: "Six tags here",
          markdown: "text",
          tags: ["a", "b", "c", "d", "e", "f"],
        },
      },
      { token: ada.token },
    );
    expectErrorCode(tooManyTags, "BAD_USER_INPUT");
    expect(problemFields(tooManyTags)).toEqual(["input.tags"]);
    const huge = await graphql(
      hub.url,
      FORUM.createTopic,
      { input: { categoryId: general, title: "A huge post", markdown: "é".repeat(32 * 1024 + 1) } },
      { token: ada.token },
    );
    expectErrorCode(huge, "BAD_USER_INPUT");
    expect(problemFields(huge)).toEqual(["input.markdown"]);
    expectErrorCode(
      await graphql(hub.url, FORUM.createTopic, {
        input: { categoryId: general, title: "Anonymous", markdown: "hello" },
      }),
      "UNAUTHENTICATED",
    );
  });

  it("numbers replies, checks replyToNumber and counts replies", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Numbering replies",
      markdown: "First!",
    });
    const second = await reply(hub, clock, bob.token, {
      topicId: topic.id,
      markdown: "Second",
      replyToNumber: 1,
    });
    expect(second.number).toBe(2);
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.reply,
        { input: { topicId: topic.id, markdown: "To nowhere", replyToNumber: 9 } },
        { token: bob.token },
      ),
      "BAD_USER_INPUT",
    );
    const read = expectData(
      await graphql<{ forumTopic: { replyCount: number; highestPostNumber: number } }>(hub.url, FORUM.topic, {
        id: topic.id,
      }),
    );
    expect(read.forumTopic).toMatchObject({ replyCount: 1, highestPostNumber: 2 });
  });
});

type TopicPage = {
  forumTopics: {
    edges: Array<{ node: { id: string; category: { slug: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

describe("Topic lists", () => {
  it("list latest (pinned first), top and by tag, paginated by keyset", async () => {
    const tagged = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Rancher upgrade notes",
      markdown: "We upgraded",
      tags: ["rancher"],
    });
    const latest = expectData(
      await graphql<{ forumTopics: { edges: Array<{ node: { id: string } }> } }>(hub.url, TOPICS, {
        first: 1,
      }),
    );
    expect(latest.forumTopics.edges.map((edge) => edge.node.id)).toEqual([tagged.id]);
    const byTag = expectData(
      await graphql<{ forumTopics: { edges: Array<{ node: { id: string; tags: string[] } }> } }>(
        hub.url,
        TOPICS,
        {
          filter: { tag: "rancher" },
        },
      ),
    );
    expect(byTag.forumTopics.edges.map((edge) => edge.node.id)).toEqual([tagged.id]);
    const all: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: TopicPage = expectData(await graphql<TopicPage>(hub.url, TOPICS, { first: 2, after }));
      all.push(...data.forumTopics.edges.map((edge) => edge.node.id));
      // Anonymous readers never see the members-only topic.
      expect(data.forumTopics.edges.every((edge) => edge.node.category.slug !== "members-only")).toBe(true);
      if (!data.forumTopics.pageInfo.hasNextPage) break;
      after = data.forumTopics.pageInfo.endCursor;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it("lists unread topics for the viewer and needs sign-in for it", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Unread tracking works",
      markdown: "Opening post",
    });
    const unread = () =>
      graphql<{ forumTopics: { edges: Array<{ node: { id: string } }> } }>(
        hub.url,
        TOPICS,
        { order: "UNREAD" },
        {
          token: ada.token,
        },
      );
    expect(expectData(await unread()).forumTopics.edges.map((edge) => edge.node.id)).not.toContain(topic.id);
    await reply(hub, clock, bob.token, { topicId: topic.id, markdown: "A reply Ada has not read" });
    expect(expectData(await unread()).forumTopics.edges.map((edge) => edge.node.id)).toContain(topic.id);
    expectErrorCode(await graphql(hub.url, TOPICS, { order: "UNREAD" }), "UNAUTHENTICATED");
  });
});

describe("A topic with 5,000 replies", () => {
  it("pages by post number and opens a permalink fast", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "A very long thread",
      markdown: "Post one",
    });
    const topicId = fromGlobalId(topic.id, "ForumTopic", "id");
    await hub.database.dataSource.query(
      `INSERT INTO forum_post (topic_id, number, author_id, markdown, html, created_at, updated_at)
       SELECT $1, n, $2, 'reply ' || n, '<p>reply ' || n || '</p>', now(), now() FROM generate_series(2, 5001) AS n`,
      [topicId, bob.person.id],
    );
    await hub.database.dataSource.query(
      "UPDATE forum_topic SET highest_post_number = 5001, reply_count = 5000 WHERE id = $1",
      [topicId],
    );
    type Page = {
      forumTopic: {
        posts: {
          edges: Array<{ node: { number: number; html: string } }>;
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
        };
      };
    };
    const started = performance.now();
    const permalink = expectData(
      await graphql<Page>(hub.url, FORUM.topic, { id: topic.id, first: 50, fromNumber: 4990 }),
    );
    const elapsed = performance.now() - started;
    expect(permalink.forumTopic.posts.edges.map((edge) => edge.node.number)).toEqual(
      Array.from({ length: 12 }, (_, index) => 4990 + index),
    );
    expect(permalink.forumTopic.posts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(elapsed).toBeLessThan(1_000);
    const first = expectData(await graphql<Page>(hub.url, FORUM.topic, { id: topic.id, first: 20 }));
    const next = expectData(
      await graphql<Page>(hub.url, FORUM.topic, {
        id: topic.id,
        first: 20,
        after: first.forumTopic.posts.pageInfo.endCursor,
      }),
    );
    expect(next.forumTopic.posts.edges[0].node).toMatchObject({ number: 21, html: "<p>reply 21</p>" });
    const plan: Array<{ "QUERY PLAN": string }> = await hub.database.dataSource.query(
      "EXPLAIN SELECT * FROM forum_post WHERE topic_id = $1 AND number >= 4990 ORDER BY number LIMIT 51",
      [topicId],
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    // Index or bitmap index scan on (topic_id, number), never a scan of all posts.
    expect(text).toMatch(/Index Scan (using|on) forum_post_topic_number_key/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it("refuses a malformed cursor or post number with BAD_USER_INPUT", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Cursor checks",
      markdown: "Hi",
    });
    expectErrorCode(
      await graphql(hub.url, FORUM.topic, { id: topic.id, after: "garbage" }),
      "BAD_USER_INPUT",
    );
    expectErrorCode(await graphql(hub.url, FORUM.topic, { id: topic.id, fromNumber: 0 }), "BAD_USER_INPUT");
  });
});
