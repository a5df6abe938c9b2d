import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { findUnsafeMarkup, XSS_CORPUS } from "../server/markdown/index.js";
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
let moderator: ForumCaller;
let ada: ForumCaller;
let bob: ForumCaller;
let cy: ForumCaller;
let questions: string;
let general: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  moderator = await forumCaller(hub, { hubRoles: ["moderator"] });
  ada = await forumCaller(hub, { handle: "ada" });
  bob = await forumCaller(hub, { handle: "bob" });
  cy = await forumCaller(hub, { handle: "cy" });
  questions = await createCategory(hub, steward.token, {
    slug: "questions",
    name: "Questions",
    allowsAcceptedAnswers: true,
  });
  general = await createCategory(hub, steward.token, { slug: "general", name: "General" });
});
afterAll(() => hub.stop());

type Notifications = {
  forumNotifications: {
    unreadCount: number;
    edges: Array<{
      node: {
        id: string;
        kind: string;
        postNumber: number;
        count: number;
        read: boolean;
        actor: { handle: string };
      };
    }>;
  };
};
const notificationsOf = async (caller: ForumCaller, unreadOnly = true) =>
  expectData(
    await graphql<Notifications>(hub.url, FORUM.notifications, { unreadOnly }, { token: caller.token }),
  ).forumNotifications;
const readAll = (caller: ForumCaller) =>
  graphql(
    hub.url,
    "mutation { markForumNotificationsRead(input: {}) { unreadCount } }",
    {},
    { token: caller.token },
  );

describe("Mentions, quotes and replies", () => {
  it("notify the mentioned person, the quoted author and the topic's watchers, each once", async () => {
    await readAll(ada);
    await readAll(bob);
    await readAll(cy);
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Storage classes for OpenEBS",
      markdown: "Which storage class do you use?",
    });
    const answer = await reply(hub, clock, bob.token, { topicId: topic.id, markdown: "LocalPV hostpath." });
    // Ada watches her topic: Bob's reply reaches her as "posted".
    expect((await notificationsOf(ada)).edges.map((edge) => [edge.node.kind, edge.node.postNumber])).toEqual([
      ["POSTED", 2],
    ]);
    const quoting = await reply(hub, clock, cy.token, {
      topicId: topic.id,
      markdown: `> [!quote @bob post:${answer.number}]\n> LocalPV hostpath.\n\nAgreed, and @ada should try it. \`@notme\``,
    });
    expect(quoting.html).toContain('<blockquote class="quote" data-post="2">');
    expect(quoting.html).toContain('<a class="mention mention-person" href="/people/ada">@ada</a>');
    const bobs = await notificationsOf(bob);
    expect(bobs.edges.map((edge) => [edge.node.kind, edge.node.postNumber, edge.node.actor.handle])).toEqual([
      ["QUOTED", 3, "cy"],
    ]);
    // Ada is mentioned and watching: one notification, the mention; the earlier "posted" one stays separate.
    const adas = await notificationsOf(ada);
    expect(adas.edges.map((edge) => [edge.node.kind, edge.node.postNumber])).toEqual([
      ["MENTIONED", 3],
      ["POSTED", 2],
    ]);
    expect(adas.unreadCount).toBe(2);
    expect((await notificationsOf(cy)).edges).toEqual([]);
  });

  it("notifies members of a mentioned cooperative and refuses more than ten mentions", async () => {
    const member = await forumCaller(hub, { handle: "dora" });
    await buildCooperative(hub.database.dataSource, { slug: "green-hosting", members: [member.person] });
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Who hosts green?",
      markdown: "Asking @coop:green-hosting for advice",
    });
    const doras = await notificationsOf(member);
    expect(doras.edges.map((edge) => edge.node.kind)).toEqual(["COOPERATIVE_MENTIONED"]);
    const crowd = Array.from({ length: 11 }, (_, index) => `@person${index}`).join(" ");
    const refused = await graphql(
      hub.url,
      FORUM.reply,
      { input: { topicId: topic.id, markdown: crowd } },
      {
        token: bob.token,
      },
    );
    expectErrorCode(refused, "BAD_USER_INPUT");
    expect(problemFields(refused)).toEqual(["input.markdown"]);
  });

  it("sends nothing to people who muted the topic, and marking read clears its notifications", async () => {
    await readAll(ada);
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Muting works",
      markdown: "Mute me",
    });
    const mute = await graphql(
      hub.url,
      `mutation($input: SetForumWatchLevelInput!) { setForumWatchLevel(input: $input) { topic { viewerWatchLevel } } }`,
      { input: { topicId: topic.id, level: "MUTED" } },
      { token: ada.token },
    );
    expect(expectData(mute)).toEqual({ setForumWatchLevel: { topic: { viewerWatchLevel: "MUTED" } } });
    await reply(hub, clock, bob.token, { topicId: topic.id, markdown: "Hello @ada, can you hear me?" });
    expect((await notificationsOf(ada)).edges).toEqual([]);

    const other = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Reading works",
      markdown: "Read me",
    });
    await reply(hub, clock, bob.token, { topicId: other.id, markdown: "First reply" });
    await reply(hub, clock, cy.token, { topicId: other.id, markdown: "Second reply" });
    const consolidated = await notificationsOf(ada);
    expect(
      consolidated.edges.map((edge) => [edge.node.kind, edge.node.count, edge.node.actor.handle]),
    ).toEqual([["POSTED", 2, "cy"]]);
    const marked = await graphql<{ markForumTopicRead: { topic: Record<string, unknown> } }>(
      hub.url,
      `mutation($input: MarkForumTopicReadInput!) { markForumTopicRead(input: $input) {
        topic { viewerLastReadPostNumber viewerUnreadCount } } }`,
      { input: { topicId: other.id, postNumber: 99 } },
      { token: ada.token },
    );
    expect(expectData(marked).markForumTopicRead.topic).toEqual({
      viewerLastReadPostNumber: 3,
      viewerUnreadCount: 0,
    });
    expect((await notificationsOf(ada)).unreadCount).toBe(0);
  });
});

describe("Likes", () => {
  it("count once per person, consolidate the author's notification and can be taken back", async () => {
    await readAll(ada);
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Like this",
      markdown: "Nice",
    });
    const like = `mutation($input: ForumPostInput!) { likeForumPost(input: $input) { post { likeCount viewerHasLiked } } }`;
    const unlike = `mutation($input: ForumPostInput!) { unlikeForumPost(input: $input) { post { likeCount } } }`;
    const input = { input: { postId: topic.firstPostId } };
    expect(expectData(await graphql(hub.url, like, input, { token: bob.token }))).toEqual({
      likeForumPost: { post: { likeCount: 1, viewerHasLiked: true } },
    });
    expectErrorCode(await graphql(hub.url, like, input, { token: bob.token }), "CONFLICT");
    expectErrorCode(await graphql(hub.url, like, input, { token: ada.token }), "CONFLICT");
    expectData(await graphql(hub.url, like, input, { token: cy.token }));
    const likes = await notificationsOf(ada);
    expect(likes.edges.map((edge) => [edge.node.kind, edge.node.count])).toEqual([["LIKED", 2]]);
    expect(expectData(await graphql(hub.url, unlike, input, { token: bob.token }))).toEqual({
      unlikeForumPost: { post: { likeCount: 1 } },
    });
    expectErrorCode(await graphql(hub.url, unlike, input, { token: bob.token }), "CONFLICT");
  });
});

describe("Editing", () => {
  const EDIT = FORUM.edit;

  it("keeps every revision with a diff, and a stale version gets CONFLICT with both versions", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Editing a post",
      markdown: "line one\nline two",
    });
    const first = expectData(
      await graphql<{
        editForumPost: { post: { version: number; revisions: Array<Record<string, unknown>> } };
      }>(
        hub.url,
        EDIT,
        {
          input: {
            postId: topic.firstPostId,
            markdown: "line one\nline 2",
            expectedVersion: 1,
            reason: "typo",
          },
        },
        { token: ada.token },
      ),
    ).editForumPost.post;
    expect(first.version).toBe(2);
    expect(first.revisions.map((revision) => revision.version)).toEqual([1, 2]);
    expect(first.revisions[0].diffHtml).toBeNull();
    expect(String(first.revisions[1].diffHtml)).toContain("line 2");
    // A moderator edits meanwhile; Ada's tab still says version 1.
    expectData(
      await graphql(
        hub.url,
        EDIT,
        { input: { postId: topic.firstPostId, markdown: "moderated text", expectedVersion: 2 } },
        { token: moderator.token },
      ),
    );
    const stale = await graphql(
      hub.url,
      EDIT,
      { input: { postId: topic.firstPostId, markdown: "my late edit", expectedVersion: 2 } },
      { token: ada.token },
    );
    expectErrorCode(stale, "CONFLICT");
    expect(stale.errors?.[0].extensions).toMatchObject({
      reason: "STALE_VERSION",
      currentVersion: 3,
      currentMarkdown: "moderated text",
      yourVersion: 2,
      yourMarkdown: "my late edit",
    });
  });

  it("lets one of two concurrent edits of the same version win; the other gets CONFLICT", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Racing edits",
      markdown: "v1",
    });
    const results = await Promise.all(
      ["edit by ada", "edit by moderator"].map((markdown, index) =>
        graphql(
          hub.url,
          EDIT,
          { input: { postId: topic.firstPostId, markdown, expectedVersion: 1 } },
          {
            token: index === 0 ? ada.token : moderator.token,
          },
        ),
      ),
    );
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
  });

  it("refuses edits by others and edits of locked topics by their authors", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Not yours",
      markdown: "mine",
    });
    expectErrorCode(
      await graphql(
        hub.url,
        EDIT,
        { input: { postId: topic.firstPostId, markdown: "hijack", expectedVersion: 1 } },
        {
          token: bob.token,
        },
      ),
      "FORBIDDEN",
    );
    expectData(
      await graphql(
        hub.url,
        `mutation($input: SetForumTopicFlagInput!) { setForumTopicLocked(input: $input) { topic { locked } } }`,
        { input: { topicId: topic.id, value: true } },
        { token: moderator.token },
      ),
    );
    expectErrorCode(
      await graphql(
        hub.url,
        EDIT,
        { input: { postId: topic.firstPostId, markdown: "late", expectedVersion: 1 } },
        {
          token: ada.token,
        },
      ),
      "FORBIDDEN",
    );
  });
});

describe("Accepted answers", () => {
  const ACCEPT = `mutation($input: AcceptForumAnswerInput!) { acceptForumAnswer(input: $input) {
    topic { acceptedAnswer { number author { handle } } } } }`;

  it("are chosen by the topic's author or a moderator, only in categories that allow them", async () => {
    await readAll(bob);
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: questions,
      title: "How do I rotate etcd certificates?",
      markdown: "kubeadm 1.31",
    });
    const answer = await reply(hub, clock, bob.token, {
      topicId: topic.id,
      markdown: "kubeadm certs renew all",
    });
    const answerId = expectData(
      await graphql<{ forumTopic: { post: { id: string } } }>(
        hub.url,
        `query($id: ID!) { forumTopic(id: $id) { post(number: 2) { id } } }`,
        { id: topic.id },
      ),
    ).forumTopic.post.id;
    expect(answer.number).toBe(2);
    expectErrorCode(
      await graphql(hub.url, ACCEPT, { input: { postId: answerId } }, { token: cy.token }),
      "FORBIDDEN",
    );
    expectErrorCode(
      await graphql(hub.url, ACCEPT, { input: { postId: topic.firstPostId } }, { token: ada.token }),
      "BAD_USER_INPUT",
    );
    expect(
      expectData(await graphql(hub.url, ACCEPT, { input: { postId: answerId } }, { token: ada.token })),
    ).toEqual({
      acceptForumAnswer: { topic: { acceptedAnswer: { number: 2, author: { handle: "bob" } } } },
    });
    expect((await notificationsOf(bob)).edges.map((edge) => edge.node.kind)).toContain("ACCEPTED");

    const chat = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Just chatting",
      markdown: "hi",
    });
    await reply(hub, clock, bob.token, { topicId: chat.id, markdown: "hello" });
    const chatAnswer = expectData(
      await graphql<{ forumTopic: { post: { id: string } } }>(
        hub.url,
        `query($id: ID!) { forumTopic(id: $id) { post(number: 2) { id } } }`,
        { id: chat.id },
      ),
    ).forumTopic.post.id;
    expectErrorCode(
      await graphql(hub.url, ACCEPT, { input: { postId: chatAnswer } }, { token: moderator.token }),
      "FORBIDDEN",
    );
  });
});

describe("Bookmarks and drafts", () => {
  it("bookmarks a post once and lists it", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Bookmark me",
      markdown: "useful",
    });
    const BOOKMARK = `mutation($input: BookmarkForumPostInput!) { bookmarkForumPost(input: $input) { bookmark { note } } }`;
    expectData(
      await graphql(
        hub.url,
        BOOKMARK,
        { input: { postId: topic.firstPostId, note: "read later" } },
        { token: bob.token },
      ),
    );
    expectData(
      await graphql(
        hub.url,
        BOOKMARK,
        { input: { postId: topic.firstPostId, note: "updated" } },
        { token: bob.token },
      ),
    );
    const list = expectData(
      await graphql<{ forumBookmarks: { edges: Array<{ node: { note: string; post: { id: string } } }> } }>(
        hub.url,
        `{ forumBookmarks { edges { node { note post { id } } } } }`,
        {},
        { token: bob.token },
      ),
    );
    expect(list.forumBookmarks.edges.map((edge) => [edge.node.note, edge.node.post.id])).toEqual([
      ["updated", topic.firstPostId],
    ]);
    const removed = await graphql(
      hub.url,
      `mutation($input: RemoveForumBookmarkInput!) { removeForumBookmark(input: $input) { removed } }`,
      { input: { postId: topic.firstPostId } },
      { token: bob.token },
    );
    expect(expectData(removed)).toEqual({ removeForumBookmark: { removed: true } });
  });

  it("saves drafts on the server and refuses a stale save with CONFLICT", async () => {
    const SAVE = `mutation($input: SaveForumDraftInput!) { saveForumDraft(input: $input) { draft { key markdown sequence } } }`;
    const first = expectData(
      await graphql<{ saveForumDraft: { draft: { sequence: number } } }>(
        hub.url,
        SAVE,
        { input: { key: "new-topic", title: "Draft", markdown: "half a thought", sequence: 0 } },
        { token: cy.token },
      ),
    );
    expect(first.saveForumDraft.draft.sequence).toBe(1);
    const stale = await graphql(
      hub.url,
      SAVE,
      { input: { key: "new-topic", markdown: "from another tab", sequence: 0 } },
      { token: cy.token },
    );
    expectErrorCode(stale, "CONFLICT");
    expect(stale.errors?.[0].extensions).toMatchObject({
      currentSequence: 1,
      currentMarkdown: "half a thought",
    });
    const loaded = expectData(
      await graphql(
        hub.url,
        `{ forumDraft(key: "new-topic") { markdown sequence } }`,
        {},
        { token: cy.token },
      ),
    );
    expect(loaded).toEqual({ forumDraft: { markdown: "half a thought", sequence: 1 } });
    expect(
      expectData(
        await graphql(
          hub.url,
          `mutation($input: DeleteForumDraftInput!) { deleteForumDraft(input: $input) { deleted } }`,
          { input: { key: "new-topic" } },
          { token: cy.token },
        ),
      ),
    ).toEqual({ deleteForumDraft: { deleted: true } });
  });
});

describe("Hostile Markdown", () => {
  it("stores every XSS corpus payload as safe HTML", async () => {
    const topic = await createTopic(hub, clock, moderator.token, {
      categoryId: general,
      title: "XSS corpus",
      markdown: "Payloads follow",
    });
    for (const payload of XSS_CORPUS) {
      // Moderators are exempt from posting limits, so the corpus posts without waiting.
      const result = await graphql<{ replyToForumTopic: { post: { html: string } } }>(
        hub.url,
        FORUM.reply,
        { input: { topicId: topic.id, markdown: `${payload.markdown}\n\n(${payload.name})` } },
        { token: moderator.token },
      );
      const html = expectData(result).replyToForumTopic.post.html;
      expect(findUnsafeMarkup(html), payload.name).toEqual([]);
    }
  });
});
