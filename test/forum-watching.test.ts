import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { fromGlobalId } from "../server/graphql/global-id.js";
import { buildCooperative } from "./support/factories.js";
import {
  createCategory,
  createTopic,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { notificationsAbout, WATCHING, watchCategory, watchTag } from "./support/forum-watching-fixtures.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let steward: ForumCaller;
let moderator: ForumCaller;
let poster: ForumCaller;
let general: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  moderator = await forumCaller(hub, { hubRoles: ["moderator"] });
  poster = await forumCaller(hub, { handle: "poster" });
  general = await createCategory(hub, steward.token, { slug: "watch-general", name: "General" });
});
afterAll(() => hub.stop());

const topicIn = (
  categoryId: string,
  title: string,
  tags: string[] = [],
  markdown = `Opening post: ${title}`,
) => createTopic(hub, clock, poster.token, { categoryId, title, markdown, tags });

describe("Watching levels: precedence", () => {
  it("applies topic over tag over category over the category's default", async () => {
    const category = await createCategory(hub, steward.token, {
      slug: "watch-precedence",
      name: "Precedence",
    });
    const [categoryWatcher, tagBeatsCategory, mutedTagBeatsCategory, firstPostOnly, byDefault, ownTracking] =
      await Promise.all(Array.from({ length: 6 }, () => forumCaller(hub)));
    await watchCategory(hub, categoryWatcher.token, category, "WATCHING");
    await watchCategory(hub, tagBeatsCategory.token, category, "MUTED");
    await watchTag(hub, tagBeatsCategory.token, "etcd", "WATCHING");
    await watchCategory(hub, mutedTagBeatsCategory.token, category, "WATCHING");
    await watchTag(hub, mutedTagBeatsCategory.token, "noise", "MUTED");
    await watchTag(hub, mutedTagBeatsCategory.token, "etcd", "WATCHING"); // muting one tag beats watching another
    await watchCategory(hub, firstPostOnly.token, category, "WATCHING_FIRST_POST");
    await watchCategory(hub, ownTracking.token, category, "TRACKING"); // an explicit level beats the default
    expectData(
      await graphql(
        hub.url,
        WATCHING.setDefault,
        { input: { categoryId: category, level: "WATCHING" } },
        { token: moderator.token },
      ),
    );

    const topic = await topicIn(category, "Rotating etcd certificates", ["etcd", "noise"]);
    await reply(hub, clock, poster.token, { topicId: topic.id, markdown: "A follow-up reply" });

    const posted = async (caller: ForumCaller) => notificationsAbout(hub, caller.token, topic.id, "POSTED");
    expect(await posted(categoryWatcher)).toBe(2); // the topic and the reply, consolidated into one notification
    expect(await posted(tagBeatsCategory)).toBe(2);
    expect(await posted(mutedTagBeatsCategory)).toBe(0);
    expect(await posted(firstPostOnly)).toBe(1); // the new topic only
    expect(await posted(byDefault)).toBe(2);
    expect(await posted(ownTracking)).toBe(0);
    expect(await posted(poster)).toBe(0); // never about one's own posts
  });

  it("lets a topic level win over a muted category, and muting a category silences mentions too", async () => {
    const category = await createCategory(hub, steward.token, { slug: "watch-topic", name: "Topic wins" });
    const [topicWatcher, muter] = await Promise.all([
      forumCaller(hub),
      forumCaller(hub, { handle: "muter" }),
    ]);
    await watchCategory(hub, topicWatcher.token, category, "MUTED");
    await watchCategory(hub, muter.token, category, "MUTED");
    const topic = await topicIn(category, "Topic level wins here");
    expect(await notificationsAbout(hub, topicWatcher.token, topic.id, "POSTED")).toBe(0);
    expectData(
      await graphql(
        hub.url,
        `mutation($input: SetForumWatchLevelInput!) { setForumWatchLevel(input: $input) { topic { id } } }`,
        { input: { topicId: topic.id, level: "WATCHING" } },
        { token: topicWatcher.token },
      ),
    );
    await reply(hub, clock, poster.token, { topicId: topic.id, markdown: "Hello @muter, any idea?" });
    expect(await notificationsAbout(hub, topicWatcher.token, topic.id, "POSTED")).toBe(1);
    expect(await notificationsAbout(hub, muter.token, topic.id, "MENTIONED")).toBe(0);
  });

  it("mutes by default when the category's default is muted, unless the person chose otherwise", async () => {
    const category = await createCategory(hub, steward.token, { slug: "watch-muted", name: "Muted default" });
    const [quiet, loud] = await Promise.all([
      forumCaller(hub, { handle: "quiet-one" }),
      forumCaller(hub, { handle: "loud-one" }),
    ]);
    await watchCategory(hub, loud.token, category, "TRACKING");
    expectData(
      await graphql(
        hub.url,
        WATCHING.setDefault,
        { input: { categoryId: category, level: "MUTED" } },
        { token: steward.token },
      ),
    );
    const topic = await topicIn(
      category,
      "Mentions in a muted category",
      [],
      "@quiet-one and @loud-one, look",
    );
    expect(await notificationsAbout(hub, quiet.token, topic.id, "MENTIONED")).toBe(0);
    expect(await notificationsAbout(hub, loud.token, topic.id, "MENTIONED")).toBe(1);
  });
});

describe("Watching levels: fan-out", () => {
  it("never notifies people who cannot read the category, even when the default watches it", async () => {
    const members = await createCategory(hub, steward.token, {
      slug: "watch-members",
      name: "Members",
      readAudience: "COOPERATIVES",
      postAudience: "COOPERATIVES",
      replyAudience: "COOPERATIVES",
    });
    const [member, outsider] = await Promise.all([forumCaller(hub), forumCaller(hub)]);
    await buildCooperative(hub.database.dataSource, { members: [member.person, poster.person] });
    expectData(
      await graphql(
        hub.url,
        WATCHING.setDefault,
        { input: { categoryId: members, level: "WATCHING_FIRST_POST" } },
        { token: steward.token },
      ),
    );
    const topic = await topicIn(members, "Members-only announcement");
    expect(await notificationsAbout(hub, member.token, topic.id, "POSTED")).toBe(1);
    const rows = await hub.database.dataSource.query(
      "SELECT count(*)::int AS n FROM forum_notification WHERE person_id = $1",
      [outsider.person.id],
    );
    expect(rows[0].n).toBe(0);
    // Not a notification per reply: first-post-only watchers hear of new topics only.
    await reply(hub, clock, poster.token, { topicId: topic.id, markdown: "A reply nobody watches" });
    expect(await notificationsAbout(hub, member.token, topic.id, "POSTED")).toBe(1);
  });

  it("fans one new topic out to 200 category watchers in one transaction", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 200; index += 1) {
      const [row] = await hub.database.dataSource.query(
        `INSERT INTO person (issuer, subject, email, name, handle, hub_roles)
         VALUES ('https://id.test.example', $1, NULL, $1, $1, '{}') RETURNING id`,
        [`fan-${index}-${Date.now()}`],
      );
      ids.push(row.id);
    }
    await hub.database.dataSource.query(
      `INSERT INTO forum_category_watch (category_id, person_id, level, updated_at)
       SELECT $1, unnest($2::uuid[]), 'watching', now()`,
      [fromGlobalId(general, "ForumCategory", "id"), ids],
    );
    const topic = await topicIn(general, "Everyone watching general hears this");
    const [{ n }] = await hub.database.dataSource.query(
      "SELECT count(*)::int AS n FROM forum_notification WHERE person_id = ANY($1::uuid[]) AND kind = 'posted'",
      [ids],
    );
    expect(n).toBe(200);
    expect(await notificationsAbout(hub, poster.token, topic.id, "POSTED")).toBe(0);
  });
});

describe("Watching levels: the viewer's own", () => {
  it("are listed, cleared with null, and only moderators set defaults", async () => {
    const person = await forumCaller(hub);
    await watchCategory(hub, person.token, general, "WATCHING_FIRST_POST");
    await watchTag(hub, person.token, "Kubeadm", "TRACKING"); // tags are lower-cased
    expect(expectData(await graphql(hub.url, WATCHING.mine, {}, { token: person.token }))).toEqual({
      forumCategoryWatches: [{ level: "WATCHING_FIRST_POST", category: { slug: "watch-general" } }],
      forumTagWatches: [{ tag: "kubeadm", level: "TRACKING" }],
    });
    const cleared = expectData(
      await graphql<{ setForumCategoryWatchLevel: { category: { viewerWatchLevel: string | null } } }>(
        hub.url,
        WATCHING.setCategory,
        { input: { categoryId: general, level: null } },
        { token: person.token },
      ),
    );
    expect(cleared.setForumCategoryWatchLevel.category.viewerWatchLevel).toBeNull();
    await watchTag(hub, person.token, "kubeadm", null);
    expect(expectData(await graphql(hub.url, WATCHING.mine, {}, { token: person.token }))).toEqual({
      forumCategoryWatches: [],
      forumTagWatches: [],
    });
    expectErrorCode(
      await graphql(
        hub.url,
        WATCHING.setDefault,
        { input: { categoryId: general, level: "WATCHING" } },
        { token: person.token },
      ),
      "FORBIDDEN",
    );
  });

  it("cannot watch a category the viewer cannot read", async () => {
    const hidden = await createCategory(hub, steward.token, {
      slug: "watch-hidden",
      name: "Hidden",
      readAudience: "MODERATORS",
      postAudience: "MODERATORS",
      replyAudience: "MODERATORS",
    });
    const person = await forumCaller(hub);
    expectErrorCode(
      await graphql(
        hub.url,
        WATCHING.setCategory,
        { input: { categoryId: hidden, level: "WATCHING" } },
        { token: person.token },
      ),
      "NOT_FOUND",
    );
  });
});
