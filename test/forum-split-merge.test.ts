import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { fromGlobalId } from "../server/graphql/global-id.js";
import {
  createCategory,
  createTopic,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { auditActions, MODERATION, readStream } from "./support/forum-moderation-fixtures.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let moderator: ForumCaller;
let ada: ForumCaller;
let bob: ForumCaller;
let carol: ForumCaller;
let dave: ForumCaller;
let general: string;
let archive: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  const steward = await forumCaller(hub, { hubRoles: ["steward"] });
  moderator = await forumCaller(hub, { hubRoles: ["moderator"], handle: "mod" });
  ada = await forumCaller(hub, { handle: "ada" });
  bob = await forumCaller(hub, { handle: "bob" });
  carol = await forumCaller(hub, { handle: "carol" });
  dave = await forumCaller(hub, { handle: "dave" });
  general = await createCategory(hub, steward.token, { slug: "general", name: "General" });
  archive = await createCategory(hub, steward.token, {
    slug: "archive",
    name: "Archive",
    allowsAcceptedAnswers: true,
  });
});
afterAll(() => hub.stop());

const markRead = (token: string, topicId: string, postNumber: number) =>
  graphql(hub.url, MODERATION.markRead, { input: { topicId, postNumber } }, { token });

async function searchUrl(postId: string): Promise<string | undefined> {
  const rows: Array<{ url: string }> = await hub.database.dataSource.query(
    "SELECT url FROM search_document WHERE doc_type = 'post' AND doc_id = $1",
    [fromGlobalId(postId, "ForumPost", "postId")],
  );
  return rows[0]?.url;
}

describe("Splitting a topic", () => {
  it("moves selected replies into a new topic with their order, authors, likes, read state and search", async () => {
    const source = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Ceph tuning for small clusters",
      markdown: "How do you tune Ceph on three nodes?",
    });
    await reply(hub, clock, bob.token, { topicId: source.id, markdown: "Use fewer placement groups." });
    const offTopic = await reply(hub, clock, carol.token, {
      topicId: source.id,
      markdown: "Unrelated: which NIC firmware do you run?",
    });
    await reply(hub, clock, ada.token, { topicId: source.id, markdown: "Thanks, that helped." });
    const answer = await reply(hub, clock, bob.token, {
      topicId: source.id,
      markdown: "Firmware 22.31 is fine for us.",
      replyToNumber: 3,
    });
    expectData(
      await graphql(hub.url, MODERATION.like, { input: { postId: offTopic.id } }, { token: dave.token }),
    );
    expectData(await markRead(ada.token, source.id, 5));
    expectData(await markRead(dave.token, source.id, 3));

    const input = {
      topicId: source.id,
      postIds: [answer.id, offTopic.id],
      categoryId: archive,
      title: "NIC firmware",
    };
    expectErrorCode(await graphql(hub.url, MODERATION.split, { input }), "UNAUTHENTICATED");
    expectErrorCode(await graphql(hub.url, MODERATION.split, { input }, { token: ada.token }), "FORBIDDEN");
    const split = expectData(
      await graphql<{
        splitForumTopic: {
          source: { id: string; replyCount: number; highestPostNumber: number };
          topic: {
            id: string;
            replyCount: number;
            highestPostNumber: number;
            likeCount: number;
            lastPoster: { handle: string };
            category: { slug: string };
          };
        };
      }>(hub.url, MODERATION.split, { input }, { token: moderator.token }),
    ).splitForumTopic;
    expect(split.topic).toMatchObject({
      replyCount: 1,
      highestPostNumber: 3,
      likeCount: 1,
      lastPoster: { handle: "bob" },
      category: { slug: "archive" },
    });
    expect(split.source).toMatchObject({ replyCount: 2, highestPostNumber: 6 });

    const created = await readStream(hub, split.topic.id, ada.token);
    expect(
      created.posts.edges.map(({ node }) => [
        node.number,
        node.author.handle,
        node.replyToNumber,
        node.smallAction?.kind ?? null,
      ]),
    ).toEqual([
      [1, "carol", null, null],
      [2, "bob", 1, null],
      [3, "mod", null, "SPLIT_FROM"],
    ]);
    expect(created.posts.edges[0].node.likeCount).toBe(1);
    expect(created.posts.edges[2].node.smallAction?.otherTopic?.id).toBe(source.id);
    expect(created.viewerLastReadPostNumber).toBe(2);
    expect((await readStream(hub, split.topic.id, dave.token)).viewerLastReadPostNumber).toBe(1);

    const left = await readStream(hub, source.id, ada.token);
    expect(left.posts.edges.map(({ node }) => node.number)).toEqual([1, 2, 4, 6]);
    expect(left.posts.edges[3].node.smallAction).toEqual({
      kind: "SPLIT_TO",
      postCount: 2,
      otherTopic: { id: split.topic.id },
    });
    expect(left.posts.edges[3].node.markdown).toContain("NIC firmware");
    expect(left.lastPoster.handle).toBe("ada");
    expect(left.likeCount).toBe(0);

    expect(await searchUrl(answer.id)).toContain(fromGlobalId(split.topic.id, "ForumTopic", "id"));
    expect(await auditActions(hub, fromGlobalId(source.id, "ForumTopic", "id"))).toContain(
      "forum.topic.split",
    );

    // New replies continue after the note, and counts keep counting replies only.
    const next = await reply(hub, clock, ada.token, { topicId: source.id, markdown: "Back to Ceph, then." });
    expect(next.number).toBe(7);
    expect((await readStream(hub, source.id)).replyCount).toBe(3);
  });

  it("refuses the opening post and posts of other topics with BAD_USER_INPUT", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Split me not",
      markdown: "first",
    });
    const other = await createTopic(hub, clock, bob.token, {
      categoryId: general,
      title: "Another topic",
      markdown: "second",
    });
    const opening = {
      topicId: topic.id,
      postIds: [topic.firstPostId],
      categoryId: general,
      title: "A new one",
    };
    const result = await graphql(hub.url, MODERATION.split, { input: opening }, { token: moderator.token });
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toEqual(["input.postIds"]);
    const foreign = { ...opening, postIds: [other.firstPostId] };
    expectErrorCode(
      await graphql(hub.url, MODERATION.split, { input: foreign }, { token: moderator.token }),
      "BAD_USER_INPUT",
    );
    const empty = { ...opening, postIds: [], title: "x" };
    const invalid = await graphql(hub.url, MODERATION.split, { input: empty }, { token: moderator.token });
    expect(problemFields(invalid).sort()).toEqual(["input.postIds", "input.title"]);
  });
});

describe("Merging topics", () => {
  it("appends the source's posts to the target in time order and leaves a locked pointer", async () => {
    const target = await createTopic(hub, clock, ada.token, {
      categoryId: general,
      title: "Backups with Velero",
      markdown: "What do you back up?",
    });
    const source = await createTopic(hub, clock, carol.token, {
      categoryId: general,
      title: "Velero schedules",
      markdown: "Nightly or hourly?",
    });
    await reply(hub, clock, bob.token, { topicId: target.id, markdown: "Everything but the caches." });
    const late = await reply(hub, clock, dave.token, {
      topicId: source.id,
      markdown: "Hourly for databases.",
    });
    expectData(await markRead(ada.token, target.id, 2));
    expectData(await markRead(ada.token, source.id, 2));
    expectData(await markRead(bob.token, target.id, 2));

    const input = { sourceTopicId: source.id, targetTopicId: target.id };
    expectErrorCode(await graphql(hub.url, MODERATION.merge, { input }, { token: carol.token }), "FORBIDDEN");
    const merged = expectData(
      await graphql<{
        mergeForumTopic: {
          source: { locked: boolean; replyCount: number; mergedInto: { id: string } };
          target: { replyCount: number; highestPostNumber: number };
        };
      }>(hub.url, MODERATION.merge, { input }, { token: moderator.token }),
    ).mergeForumTopic;
    expect(merged.source).toMatchObject({ locked: true, replyCount: 0, mergedInto: { id: target.id } });
    expect(merged.target).toMatchObject({ replyCount: 3, highestPostNumber: 5 });

    const stream = await readStream(hub, target.id, ada.token);
    expect(
      stream.posts.edges.map(({ node }) => [node.number, node.author.handle, node.smallAction?.kind ?? null]),
    ).toEqual([
      [1, "ada", null],
      [2, "bob", null],
      [3, "carol", null],
      [4, "dave", null],
      [5, "mod", "MERGED_FROM"],
    ]);
    expect(stream.lastPoster.handle).toBe("dave");
    // Ada had read both to the end; Bob had not read the source, so its posts are new to him.
    expect(stream.viewerLastReadPostNumber).toBe(5);
    expect((await readStream(hub, target.id, bob.token)).viewerLastReadPostNumber).toBe(2);

    const pointer = await readStream(hub, source.id);
    expect(pointer.posts.edges.map(({ node }) => node.smallAction?.kind)).toEqual(["MERGED_INTO"]);
    expect(pointer.mergedInto?.id).toBe(target.id);
    expectErrorCode(
      await graphql(
        hub.url,
        `mutation($input: ReplyToForumTopicInput!) { replyToForumTopic(input: $input) { post { id } } }`,
        {
          input: { topicId: source.id, markdown: "Still here?" },
        },
        { token: carol.token },
      ),
      "FORBIDDEN",
    );

    expect(await searchUrl(late.id)).toContain(fromGlobalId(target.id, "ForumTopic", "id"));
    const sourceDocs: Array<{ count: string | number }> = await hub.database.dataSource.query(
      "SELECT count(*) AS count FROM search_document WHERE doc_type = 'topic' AND doc_id = $1",
      [fromGlobalId(source.id, "ForumTopic", "id")],
    );
    expect(Number(sourceDocs[0].count)).toBe(0);
    expect(await auditActions(hub, fromGlobalId(source.id, "ForumTopic", "id"))).toContain(
      "forum.topic.merged",
    );

    expectErrorCode(
      await graphql(hub.url, MODERATION.merge, { input }, { token: moderator.token }),
      "CONFLICT",
    );
    const self = { sourceTopicId: target.id, targetTopicId: target.id };
    expectErrorCode(
      await graphql(hub.url, MODERATION.merge, { input: self }, { token: moderator.token }),
      "BAD_USER_INPUT",
    );
  });
});
