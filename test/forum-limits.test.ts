import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { createCategory, FORUM, type ForumCaller, forumCaller } from "./support/forum-fixtures.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

// Aligned to the start of a 15-second window, so window arithmetic in the assertions is exact.
const clock = new ManualClock(new Date("2026-11-25T08:00:00.000Z"));
let hub: TestHub;
let ada: ForumCaller;
let general: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  const steward = await forumCaller(hub, { hubRoles: ["steward"] });
  ada = await forumCaller(hub);
  general = await createCategory(hub, steward.token, { slug: "general", name: "General" });
});
afterAll(() => hub.stop());

const topic = (title: string, markdown = `Body of ${title}`) =>
  graphql<{ createForumTopic: { topic: { id: string } } }>(
    hub.url,
    FORUM.createTopic,
    { input: { categoryId: general, title, markdown } },
    { token: ada.token },
  );
const replyTo = (topicId: string, markdown: string) =>
  graphql(hub.url, FORUM.reply, { input: { topicId, markdown } }, { token: ada.token });

describe("Posting limits (Discourse defaults)", () => {
  it("allow one topic per 15 s and one post per 5 s, answering RATE_LIMITED with the retry time", async () => {
    const first = expectData(await topic("First topic here")).createForumTopic.topic.id;
    clock.advance(3_000);
    const tooSoon = await topic("Second topic here");
    expectErrorCode(tooSoon, "RATE_LIMITED");
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.errors?.[0].extensions?.retryAfterSeconds).toBe(12);

    expectData(await replyTo(first, "a first reply"));
    clock.advance(1_000);
    const again = await replyTo(first, "a second reply");
    expectErrorCode(again, "RATE_LIMITED");
    expect(again.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    clock.advance(5_000);
    expectData(await replyTo(first, "a second reply"));
    clock.advance(11_000);
    expectData(await topic("Second topic here"));
  });

  it("refuse the same post twice within 5 minutes, wherever it goes", async () => {
    clock.advance(60_000);
    const id = expectData(await topic("Duplicate checks", "Has anyone seen this error?")).createForumTopic
      .topic.id;
    clock.advance(30_000);
    const duplicate = await replyTo(id, "  Has anyone seen   this error?  ");
    expectErrorCode(duplicate, "RATE_LIMITED");
    expect(duplicate.status).toBe(429);
    expect(duplicate.errors?.[0].extensions).not.toHaveProperty("http");
    expect(duplicate.errors?.[0].extensions).toMatchObject({
      reason: "DUPLICATE_POST",
      retryAfterSeconds: 270,
    });
    clock.advance(271_000);
    expectData(await replyTo(id, "Has anyone seen this error?"));
  });

  it("can be configured", async () => {
    const relaxed = await startTestHub({ clock, env: { FORUM_POST_INTERVAL_SECONDS: "60" } });
    try {
      const steward = await forumCaller(relaxed, { hubRoles: ["steward"] });
      const person = await forumCaller(relaxed);
      const category = await createCategory(relaxed, steward.token, { slug: "c", name: "Category" });
      const created = expectData(
        await graphql<{ createForumTopic: { topic: { id: string } } }>(
          relaxed.url,
          FORUM.createTopic,
          { input: { categoryId: category, title: "Configured limits", markdown: "first" } },
          { token: person.token },
        ),
      ).createForumTopic.topic.id;
      clock.advance(20_000);
      const send = (markdown: string) =>
        graphql(relaxed.url, FORUM.reply, { input: { topicId: created, markdown } }, { token: person.token });
      expectData(await send("reply one"));
      clock.advance(20_000);
      expectErrorCode(await send("reply two"), "RATE_LIMITED");
    } finally {
      await relaxed.stop();
    }
  });
});
