import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import {
  createCategory,
  createTopic,
  FORUM,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let steward: ForumCaller;
let moderator: ForumCaller;
let ada: ForumCaller;
let bob: ForumCaller;
let general: string;
let archive: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  moderator = await forumCaller(hub, { hubRoles: ["moderator"] });
  ada = await forumCaller(hub);
  bob = await forumCaller(hub);
  general = await createCategory(hub, steward.token, { slug: "general", name: "General" });
  archive = await createCategory(hub, steward.token, { slug: "archive", name: "Archive" });
});
afterAll(() => hub.stop());

const FLAG = `mutation($input: FlagForumPostInput!) { flagForumPost(input: $input) { flag { id status reason } } }`;
const QUEUE = `query($status: ForumFlagStatus) { forumReviewQueue(status: $status) {
  edges { node { id reason message status flagger { id } post { id number } handledBy { id } } } } }`;
const RESOLVE = `mutation($input: ResolveForumFlagInput!) { resolveForumFlag(input: $input) { flag { status } } }`;
const SWITCH = (name: string) =>
  `mutation($input: SetForumTopicFlagInput!) { ${name}(input: $input) { topic { locked pinned hidden } } }`;

async function auditActions(targetId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await hub.database.dataSource.query(
    "SELECT action FROM audit_event WHERE target_id = $1 ORDER BY occurred_at, action",
    [targetId],
  );
  return rows.map((row) => row.action);
}

describe("Flags and the review queue", () => {
  it("queues flags with reasons for moderators; agreeing hides the post from everyone else", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "A flagged thread",
      markdown: "ok",
    });
    const bad = await reply(hub, clock, bob.token, { topicId: topic.id, markdown: "Buy cheap watches!" });
    const badId = expectData(
      await graphql<{ forumTopic: { post: { id: string } } }>(
        hub.url,
        `query($id: ID!) { forumTopic(id: $id) { post(number: ${bad.number}) { id } } }`,
        { id: topic.id },
      ),
    ).forumTopic.post.id;
    const flagged = expectData(
      await graphql<{ flagForumPost: { flag: { id: string; status: string } } }>(
        hub.url,
        FLAG,
        { input: { postId: badId, reason: "SPAM", message: "An advert" } },
        { token: ada.token },
      ),
    ).flagForumPost.flag;
    expect(flagged.status).toBe("PENDING");
    expectErrorCode(
      await graphql(hub.url, FLAG, { input: { postId: badId, reason: "SPAM" } }, { token: ada.token }),
      "CONFLICT",
    );
    expectErrorCode(
      await graphql(hub.url, FLAG, { input: { postId: badId, reason: "SPAM" } }, { token: bob.token }),
      "CONFLICT",
    );
    expectErrorCode(await graphql(hub.url, QUEUE, {}, { token: ada.token }), "FORBIDDEN");
    const queue = expectData(
      await graphql<{ forumReviewQueue: { edges: Array<{ node: Record<string, unknown> }> } }>(
        hub.url,
        QUEUE,
        {},
        {
          token: moderator.token,
        },
      ),
    );
    expect(queue.forumReviewQueue.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        id: flagged.id,
        reason: "SPAM",
        message: "An advert",
        post: { id: badId, number: 2 },
      }),
    ]);
    expectErrorCode(
      await graphql(
        hub.url,
        RESOLVE,
        { input: { flagId: flagged.id, status: "AGREED" } },
        { token: ada.token },
      ),
      "FORBIDDEN",
    );
    expect(
      expectData(
        await graphql(
          hub.url,
          RESOLVE,
          { input: { flagId: flagged.id, status: "AGREED" } },
          { token: moderator.token },
        ),
      ),
    ).toEqual({ resolveForumFlag: { flag: { status: "AGREED" } } });
    expectErrorCode(
      await graphql(
        hub.url,
        RESOLVE,
        { input: { flagId: flagged.id, status: "DISAGREED" } },
        { token: moderator.token },
      ),
      "CONFLICT",
    );
    type Posts = {
      forumTopic: {
        posts: { edges: Array<{ node: { number: number; hidden: boolean; html: string | null } }> };
      };
    };
    const asReader = expectData(
      await graphql<Posts>(hub.url, FORUM.topic, { id: topic.id }, { token: ada.token }),
    );
    expect(asReader.forumTopic.posts.edges[1].node).toMatchObject({ number: 2, hidden: true, html: null });
    const asAuthor = expectData(
      await graphql<Posts>(hub.url, FORUM.topic, { id: topic.id }, { token: bob.token }),
    );
    expect(asAuthor.forumTopic.posts.edges[1].node.html).toContain("Buy cheap watches");
    expect(await auditActions(fromFlag(badId))).toEqual([
      "forum.post.created",
      "forum.post.flagged",
      "forum.post.hidden",
    ]);
    expect(await auditActions(fromFlag(flagged.id))).toEqual(["forum.flag.resolved"]);
  });
});

/** The UUID inside a global ID (audit events store UUIDs). */
function fromFlag(globalId: string): string {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1];
}

describe("Topic moderation", () => {
  it("locks (replies FORBIDDEN except for moderators), pins, hides and moves topics, each audited", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Heated debate",
      markdown: "go",
    });
    expectErrorCode(
      await graphql(
        hub.url,
        SWITCH("setForumTopicLocked"),
        { input: { topicId: topic.id, value: true } },
        { token: ada.token },
      ),
      "FORBIDDEN",
    );
    expect(
      expectData(
        await graphql(
          hub.url,
          SWITCH("setForumTopicLocked"),
          { input: { topicId: topic.id, value: true } },
          { token: moderator.token },
        ),
      ),
    ).toEqual({ setForumTopicLocked: { topic: { locked: true, pinned: false, hidden: false } } });
    clock.advance(16_000);
    expectErrorCode(
      await graphql(
        hub.url,
        FORUM.reply,
        { input: { topicId: topic.id, markdown: "One more thing" } },
        { token: bob.token },
      ),
      "FORBIDDEN",
    );
    await reply(hub, clock, moderator.token, { topicId: topic.id, markdown: "Closing this, thanks all." });
    expectData(
      await graphql(
        hub.url,
        SWITCH("setForumTopicPinned"),
        { input: { topicId: topic.id, value: true } },
        { token: moderator.token },
      ),
    );
    const latest = expectData(
      await graphql<{ forumTopics: { edges: Array<{ node: { id: string; pinned: boolean } }> } }>(
        hub.url,
        `{ forumTopics(first: 1) { edges { node { id pinned } } } }`,
      ),
    );
    expect(latest.forumTopics.edges[0].node).toEqual({ id: topic.id, pinned: true });
    const moved = await graphql<{ moveForumTopic: { topic: { category: { slug: string } } } }>(
      hub.url,
      `mutation($input: MoveForumTopicInput!) { moveForumTopic(input: $input) { topic { category { slug } } } }`,
      { input: { topicId: topic.id, categoryId: archive } },
      { token: moderator.token },
    );
    expect(expectData(moved).moveForumTopic.topic.category.slug).toBe("archive");
    expectData(
      await graphql(
        hub.url,
        SWITCH("setForumTopicHidden"),
        { input: { topicId: topic.id, value: true } },
        { token: moderator.token },
      ),
    );
    expect(expectData(await graphql(hub.url, FORUM.topic, { id: topic.id }, { token: ada.token }))).toEqual({
      forumTopic: null,
    });
    expect(
      expectData(
        await graphql<{ forumTopic: { hidden: boolean } }>(
          hub.url,
          FORUM.topic,
          { id: topic.id },
          { token: moderator.token },
        ),
      ).forumTopic.hidden,
    ).toBe(true);
    const uuid = Buffer.from(topic.id, "base64url").toString("utf8").split(":")[1];
    expect(await auditActions(uuid)).toEqual(
      expect.arrayContaining([
        "forum.topic.locked",
        "forum.topic.pinned",
        "forum.topic.moved",
        "forum.topic.hidden",
      ]),
    );
  });

  it("lets moderators hide and show a single post directly", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Direct hiding",
      markdown: "text",
    });
    const HIDE = `mutation($input: SetForumPostHiddenInput!) { setForumPostHidden(input: $input) { post { hidden } } }`;
    expectErrorCode(
      await graphql(
        hub.url,
        HIDE,
        { input: { postId: topic.firstPostId, hidden: true } },
        { token: bob.token },
      ),
      "FORBIDDEN",
    );
    expect(
      expectData(
        await graphql(
          hub.url,
          HIDE,
          { input: { postId: topic.firstPostId, hidden: true, reason: "doxxing" } },
          { token: moderator.token },
        ),
      ),
    ).toEqual({ setForumPostHidden: { post: { hidden: true } } });
    expect(
      expectData(
        await graphql(
          hub.url,
          HIDE,
          { input: { postId: topic.firstPostId, hidden: false } },
          { token: moderator.token },
        ),
      ),
    ).toEqual({ setForumPostHidden: { post: { hidden: false } } });
  });
});
