import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { inTransaction } from "../server/db/transaction.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { DEFAULT_CLUSTER_SETTINGS } from "../server/modules/clusters/cluster-settings.js";
import { claimJoinToken, registerCluster } from "../server/modules/clusters/register-cluster.js";
import { manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import type { SearchDocument } from "../server/modules/search/core/search-provider.js";
import { SEARCH_SOURCES } from "../server/modules/search/search-sources.js";
import { toBase64Tarball, uploadFiles } from "../server/modules/blueprints/testing/upload-fixtures.js";
import { buildJoinToken } from "./support/cluster-factories.js";
import { DECIDE, REVOKE, SET_LABELS } from "./support/cluster-operations.js";
import { buildCooperative } from "./support/factories.js";
import {
  afterCooldown,
  createCategory,
  createTopic,
  FORUM,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** Content indexed by the modules themselves (forum, manuals, clusters), found through the GraphQL search. */

const SEARCH = `query($q: String!) { search(query: $q, first: 20) {
  totalCount edges { node { type objectId title url release cooperativeSlug } } } }`;

interface Hit {
  type: string;
  objectId: string;
  title: string;
  url: string;
  release: string | null;
  cooperativeSlug: string | null;
}

const clock = new ManualClock(new Date("2026-11-20T09:00:00Z"));
let hub: TestHub;
let steward: ForumCaller;
let author: ForumCaller;
let outsider: ForumCaller;
let member: ForumCaller;
let publicCategory: string;
let cooperativeCategory: string;

async function search(query: string, caller?: ForumCaller): Promise<Hit[]> {
  const result = await graphql<{ search: { edges: Array<{ node: Hit }> } }>(
    hub.url,
    SEARCH,
    { q: query },
    caller ? { token: caller.token } : {},
  );
  return expectData(result).search.edges.map((edge) => edge.node);
}

const ids = (hits: Hit[]) => hits.map((hit) => `${hit.type.toLowerCase()}:${hit.objectId}`).sort();
/** The database id inside a global ID (search hits carry database ids). */
const uuidOf = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1];

beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  author = await forumCaller(hub, { handle: "searchy-author" });
  outsider = await forumCaller(hub);
  member = await forumCaller(hub);
  await buildCooperative(hub.database.dataSource, { admins: [author.person], members: [member.person] });
  publicCategory = await createCategory(hub, steward.token, { slug: "open-talk", name: "Open talk" });
  cooperativeCategory = await createCategory(hub, steward.token, {
    slug: "coop-talk",
    name: "Cooperative talk",
    readAudience: "COOPERATIVES",
    postAudience: "COOPERATIVES",
    replyAudience: "COOPERATIVES",
  });
});
afterAll(() => hub.stop());

describe("Search over forum topics and posts", () => {
  it("finds a public topic and its replies for everyone, a cooperative-only one only for members", async () => {
    const open = await createTopic(hub, clock, author.token, {
      categoryId: publicCategory,
      title: "Zanzibar ingress timeouts",
      markdown: "Our **zanzibar** gateway drops idle connections after [sixty](https://example.org) seconds.",
      tags: ["ingress"],
      stackRelease: "2026.11",
    });
    const answer = await reply(hub, clock, member.token, {
      topicId: open.id,
      markdown: "Raise the quokka keepalive setting on the zanzibar gateway.",
    });
    const closed = await createTopic(hub, clock, author.token, {
      categoryId: cooperativeCategory,
      title: "Zanzibar billing runbook",
      markdown: "Internal zanzibar invoices live in the shared drive.",
    });
    const openTopic = `topic:${uuidOf(open.id)}`;
    const answerPost = `post:${uuidOf(answer.id)}`;
    const closedTopic = `topic:${uuidOf(closed.id)}`;

    expect(ids(await search("zanzibar"))).toEqual([answerPost, openTopic].sort());
    expect(ids(await search("zanzibar", outsider))).toEqual([answerPost, openTopic].sort());
    expect(ids(await search("zanzibar", member))).toEqual([answerPost, openTopic, closedTopic].sort());

    const [topicHit] = await search("zanzibar type:topic tag:ingress category:open-talk @searchy-author");
    expect(topicHit).toMatchObject({ title: "Zanzibar ingress timeouts", release: "2026.11" });
    expect(topicHit.url).toMatch(/^\/forum\/t\/zanzibar-ingress-timeouts\/[0-9a-f-]+$/u);
    expect((await search("quokka type:post"))[0].url).toMatch(/#post-2$/u);
    expect(await search("zanzibar status:solved")).toEqual([]);
    expect(await search("https example.org")).toEqual([]);
  });

  it("indexes an edit (new words found, old ones gone) and removes hidden posts and topics", async () => {
    const topic = await createTopic(hub, clock, author.token, {
      categoryId: publicCategory,
      title: "Wombat storage question",
      markdown: "Is the koala volume replicated?",
    });
    const second = await reply(hub, clock, author.token, {
      topicId: topic.id,
      markdown: "The platypus driver answers that.",
    });
    expect(await search("platypus")).toHaveLength(1);

    expectData(
      await afterCooldown(clock, () =>
        graphql(
          hub.url,
          FORUM.edit,
          {
            input: {
              postId: topic.firstPostId,
              markdown: "Is the echidna volume replicated?",
              expectedVersion: 1,
            },
          },
          { token: author.token },
        ),
      ),
    );
    expect(ids(await search("echidna"))).toEqual([`topic:${uuidOf(topic.id)}`]);
    expect(await search("koala")).toEqual([]);
    expect(await search("wombat type:topic")).toHaveLength(1); // the title did not change

    expectData(
      await graphql(
        hub.url,
        `mutation($input: SetForumPostHiddenInput!) { setForumPostHidden(input: $input) { post { id } } }`,
        { input: { postId: second.id, hidden: true, reason: "off topic" } },
        { token: steward.token },
      ),
    );
    expect(await search("platypus", steward)).toEqual([]);
    expect(await search("echidna")).toHaveLength(1);

    expectData(
      await graphql(
        hub.url,
        `mutation($input: SetForumTopicFlagInput!) { setForumTopicHidden(input: $input) { topic { id } } }`,
        { input: { topicId: topic.id, value: true } },
        { token: steward.token },
      ),
    );
    expect(await search("echidna", steward)).toEqual([]);
  });

  it("re-indexes a topic moved into a cooperative-only category", async () => {
    const topic = await createTopic(hub, clock, author.token, {
      categoryId: publicCategory,
      title: "Narwhal onboarding",
      markdown: "Welcome to the narwhal pod.",
    });
    expect(await search("narwhal", outsider)).toHaveLength(1);
    expectData(
      await graphql(
        hub.url,
        `mutation($input: MoveForumTopicInput!) { moveForumTopic(input: $input) { topic { id } } }`,
        { input: { topicId: topic.id, categoryId: cooperativeCategory } },
        { token: steward.token },
      ),
    );
    expect(await search("narwhal", outsider)).toEqual([]);
    expect(ids(await search("narwhal", member))).toEqual([`topic:${uuidOf(topic.id)}`]);
  });

  it("keeps moderator-only and TCC-only categories to their audiences", async () => {
    const tccMember = await forumCaller(hub);
    await buildCooperative(hub.database.dataSource, { tier: "tcc_member", members: [tccMember.person] });
    const audiences = { postAudience: "MODERATORS", replyAudience: "MODERATORS" };
    const moderatorsOnly = await createCategory(hub, steward.token, {
      ...audiences,
      slug: "mods",
      name: "Moderators",
      readAudience: "MODERATORS",
    });
    const tccOnly = await createCategory(hub, steward.token, {
      ...audiences,
      slug: "tcc",
      name: "TCC",
      readAudience: "TCC_MEMBERS",
    });
    await createTopic(hub, clock, steward.token, {
      categoryId: moderatorsOnly,
      title: "Pangolin spam wave",
      markdown: "Pangolin accounts to watch.",
    });
    await createTopic(hub, clock, steward.token, {
      categoryId: tccOnly,
      title: "Tapir roadmap vote",
      markdown: "Tapir items for the committee.",
    });
    expect(await search("pangolin", member)).toEqual([]);
    expect(await search("pangolin", steward)).toHaveLength(1);
    expect(await search("tapir", member)).toEqual([]);
    expect(await search("tapir", tccMember)).toHaveLength(1);
  });

  it("re-indexes a category's topics when its read audience changes", async () => {
    const category = await createCategory(hub, steward.token, { slug: "soon-closed", name: "Soon closed" });
    await createTopic(hub, clock, author.token, {
      categoryId: category,
      title: "Axolotl meetup",
      markdown: "Bring axolotl stickers.",
    });
    expect(await search("axolotl")).toHaveLength(1);
    expectData(
      await graphql(
        hub.url,
        `mutation($input: UpdateForumCategoryInput!) { updateForumCategory(input: $input) { category { id } } }`,
        { input: { id: category, readAudience: "SIGNED_IN" } },
        { token: steward.token },
      ),
    );
    expect(await search("axolotl")).toEqual([]);
    expect(await search("axolotl", outsider)).toHaveLength(1);
  });
});

describe("Search over manual pages", () => {
  it("finds a synced page by release, with its URL, and not its Markdown syntax", async () => {
    await manualContentSyncer.sync({
      dataSource: hub.database.dataSource,
      contentDirectory: CONTENT_DIRECTORY,
      clock,
      logger: createLogger("silent"),
    });
    // The sync runs on PGlite in this process and can hold the event loop past the server's 5 s keep-alive: let
    // the overdue timers close the idle connection first, or the next request may be sent on it (ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const hits = await search("IPAddressPool release:2026.11 type:manual");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.type === "MANUAL_PAGE" && hit.release === "2026.11")).toBe(true);
    expect(hits.map((hit) => hit.url)).toContain(
      "/manuals/cooby-stack/2026.11/load-balancing-metallb/layer2",
    );
    expect(await search("IPAddressPool release:1999.01")).toEqual([]);
  });
});

describe("Search over member clusters", () => {
  it("shows a pending cluster to its cooperative only, and an accepted one to every signed-in person", async () => {
    const dataSource = hub.database.dataSource;
    const owner = await forumCaller(hub);
    const cooperative = await buildCooperative(dataSource, { members: [owner.person] });
    const now = clock.now();
    // A fixed, word-like name: random names such as `cluster-1e5a0b2c` may be read as numbers by the text parser.
    const { secret } = await buildJoinToken(dataSource, { cooperative, clusterName: "heronsgate-edge", now });
    const { cluster } = await inTransaction(dataSource, async (manager) =>
      registerCluster(
        manager,
        { now, requestId: "test", settings: DEFAULT_CLUSTER_SETTINGS },
        await claimJoinToken(manager, secret, now),
        { clusterUid: randomUUID(), kubernetesVersion: "v1.34.2", agentVersion: "0.1.0" },
      ),
    );
    const globalId = toGlobalId("MemberCluster", cluster.id);
    const query = "heronsgate type:cluster";
    expect(ids(await search(query, owner))).toEqual([`cluster:${cluster.id}`]);
    expect((await search(query, owner))[0]).toMatchObject({
      url: `/clusters/${globalId}`,
      cooperativeSlug: cooperative.slug,
    });
    expect(await search(query, outsider)).toEqual([]);

    expectData(
      await graphql(
        hub.url,
        DECIDE("acceptMemberCluster"),
        { input: { id: globalId } },
        { token: steward.token },
      ),
    );
    expect(ids(await search(query, outsider))).toEqual([`cluster:${cluster.id}`]);
    expect(await search(query)).toEqual([]);

    expectData(
      await graphql(
        hub.url,
        SET_LABELS,
        { input: { id: globalId, labels: [{ key: "region", value: "kestrelvale" }] } },
        { token: steward.token },
      ),
    );
    expect(ids(await search("kestrelvale", outsider))).toEqual([`cluster:${cluster.id}`]);

    expectData(await graphql(hub.url, REVOKE, { input: { id: globalId } }, { token: steward.token }));
    expect(await search(query, owner)).toEqual([]);
  });
});

describe("Search sources for a rebuild", () => {
  it("yield the same live documents the modules index, and nothing hidden or revoked", async () => {
    const manager = hub.database.dataSource.manager;
    const documents: SearchDocument[] = [];
    for (const source of SEARCH_SOURCES) {
      const before = documents.length;
      for await (const document of source.documents(manager)) documents.push(document);
      expect(await source.count(manager), source.name).toBe(documents.length - before);
    }
    const indexed = (await manager.query("SELECT doc_type, doc_id FROM search_document")) as Array<{
      doc_type: string;
      doc_id: string;
    }>;
    const key = (type: string, id: string) => `${type}:${id}`;
    expect(documents.map((document) => key(document.type, document.id)).sort()).toEqual(
      indexed.map((row) => key(row.doc_type, row.doc_id)).sort(),
    );
    expect(new Set(documents.map((document) => document.type))).toEqual(
      new Set(["topic", "post", "manual_page"]),
    );
    const titles = documents.map((document) => document.title);
    expect(titles).not.toContain("Wombat storage question");
    expect(documents.find((document) => document.title === "Narwhal onboarding")?.visibility).toMatchObject({
      public: false,
    });
  });
});

describe("Search over blueprints", () => {
  it("finds a published blueprint with type:blueprint, and loses it once every version is yanked", async () => {
    const publisher = await forumCaller(hub);
    const cooperative = await buildCooperative(hub.database.dataSource, {
      admins: [publisher.person],
      slug: "okapi-coop",
    });
    const cooperativeId = toGlobalId("Cooperative", cooperative.id);
    const PUBLISH = `mutation($input: PublishBlueprintVersionInput!) { publishBlueprintVersion(input: $input) {
      version { version } } }`;
    const YANK = `mutation($input: YankBlueprintVersionInput!) { yankBlueprintVersion(input: $input) { version { yanked } } }`;
    for (const version of ["1.0.0", "1.1.0"]) {
      const tarball = toBase64Tarball(uploadFiles("okapi-ingress", version));
      expectData(
        await graphql(hub.url, PUBLISH, { input: { cooperativeId, tarball } }, { token: publisher.token }),
      );
    }
    const [hit, ...others] = await search("okapi type:blueprint");
    expect(others).toEqual([]);
    expect(hit).toMatchObject({
      type: "BLUEPRINT",
      url: "/blueprints/okapi-ingress",
      cooperativeSlug: "okapi-coop",
    });
    expect(await search("okapi type:post")).toEqual([]);

    const yank = (version: string) =>
      graphql(
        hub.url,
        YANK,
        { input: { name: "okapi-ingress", version, reason: "broken" } },
        { token: publisher.token },
      );
    expectData(await yank("1.1.0"));
    expect(await search("okapi type:blueprint")).toHaveLength(1);
    expectData(await yank("1.0.0"));
    expect(await search("okapi type:blueprint")).toEqual([]);
    expect(await search("okapi")).toEqual([]);
  });
});
