import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { buildCooperative } from "./support/factories.js";
import {
  createCategory,
  createTopic,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let moderator: ForumCaller;
let ada: ForumCaller;
let publicTopic: { id: string; firstPostId: string };
let privateTopic: { id: string; firstPostId: string };
beforeAll(async () => {
  hub = await startTestHub({ clock });
  const steward = await forumCaller(hub, { hubRoles: ["steward"] });
  moderator = await forumCaller(hub, { hubRoles: ["moderator"] });
  ada = await forumCaller(hub, { handle: "ada-feeds" });
  await buildCooperative(hub.database.dataSource, { members: [ada.person] });
  const general = await createCategory(hub, steward.token, {
    slug: "general",
    name: "General",
    description: "Open talk",
  });
  const members = await createCategory(hub, steward.token, {
    slug: "members",
    name: "Members",
    readAudience: "COOPERATIVES",
  });
  publicTopic = await createTopic(hub, clock, ada.token, {
    categoryId: general,
    title: "Public <b>news</b> & notes",
    markdown: "Hello **world** <script>alert(1)</script>",
  });
  await reply(hub, clock, ada.token, { topicId: publicTopic.id, markdown: "A public reply" });
  privateTopic = await createTopic(hub, clock, ada.token, {
    categoryId: members,
    title: "Members only secret",
    markdown: "Secret plans",
  });
});
afterAll(() => hub.stop());

const fetchText = async (path: string) => {
  const response = await fetch(`${hub.url}${path}`);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
};

describe("Forum feeds", () => {
  it("serve the latest public topics as RSS, escaped, without members-only content", async () => {
    const feed = await fetchText("/forum/latest.rss");
    expect(feed.status).toBe(200);
    expect(feed.type).toContain("application/rss+xml");
    expect(feed.body).toContain("<title>Public &lt;b&gt;news&lt;/b&gt; &amp; notes</title>");
    expect(feed.body).toContain("&lt;strong&gt;world&lt;/strong&gt;");
    expect(feed.body).not.toContain("<script>");
    expect(feed.body).toContain(`/forum/t/public-b-news-b-notes/${publicTopic.id}</link>`);
    expect(feed.body).not.toContain("Members only secret");
  });

  it("serve a public category and a public topic; private or unknown ones are 404", async () => {
    const category = await fetchText("/forum/c/general.rss");
    expect(category.status).toBe(200);
    expect(category.body).toContain("<description>Open talk</description>");
    expect((await fetchText("/forum/c/members.rss")).status).toBe(404);
    expect((await fetchText("/forum/c/nothing.rss")).status).toBe(404);
    const topic = await fetchText(`/forum/t/${publicTopic.id}.rss`);
    expect(topic.status).toBe(200);
    expect(topic.body).toContain("A public reply");
    expect(topic.body.indexOf("#2</title>")).toBeLessThan(
      topic.body.indexOf("<title>Public &lt;b&gt;news&lt;/b&gt; &amp; notes</title>\n      <link>"),
    );
    expect((await fetchText(`/forum/t/${privateTopic.id}.rss`)).status).toBe(404);
    expect((await fetchText("/forum/t/garbage.rss")).status).toBe(404);
  });

  it("drop hidden topics from the feeds", async () => {
    expectData(
      await graphql(
        hub.url,
        `mutation($input: SetForumTopicFlagInput!) { setForumTopicHidden(input: $input) { topic { hidden } } }`,
        { input: { topicId: publicTopic.id, value: true } },
        { token: moderator.token },
      ),
    );
    expect((await fetchText("/forum/latest.rss")).body).not.toContain("Public &lt;b&gt;news");
    expect((await fetchText(`/forum/t/${publicTopic.id}.rss`)).status).toBe(404);
  });
});
