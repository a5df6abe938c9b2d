import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import {
  createCategory,
  createTopic,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/**
 * The whole hub with Meilisearch configured but away (a closed local port): search answers SEARCH_UNAVAILABLE,
 * everything else keeps working, and every content change waits in the outbox.
 */
const clock = new ManualClock(new Date("2026-11-25T09:00:00Z"));
let hub: TestHub;
let steward: ForumCaller;
let author: ForumCaller;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const outboxRows = async (): Promise<Array<{ document_type: string; operation: string }>> =>
  hub.database.dataSource.query("SELECT * FROM search_outbox ORDER BY id");

beforeAll(async () => {
  hub = await startTestHub({
    clock,
    env: { CONTENT_SYNC_ON_START: "true", MEILI_HOST: `http://127.0.0.1:${await closedPort()}` },
  });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  author = await forumCaller(hub);
});
afterAll(() => hub.stop());

describe("Search engine down", () => {
  it("answers search with a typed SEARCH_UNAVAILABLE and no stack trace", async () => {
    const result = await graphql(hub.url, `{ search(query: "kubeadm") { totalCount } }`);
    expectErrorCode(result, "SEARCH_UNAVAILABLE");
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|\s+at\s+\S+\s+\(/iu);
    expect(result.errors?.[0]?.message).toMatch(/search/iu);
  });

  it("keeps forum posting, manuals, the blueprint catalog and cooperatives working, queuing every change", async () => {
    const before = (await outboxRows()).length;
    const category = await createCategory(hub, steward.token, { slug: "down-talk", name: "Down talk" });
    const topic = await createTopic(hub, clock, author.token, {
      categoryId: category,
      title: "Posting while search is away",
      markdown: "The outbox keeps this until Meilisearch is back.",
    });
    await reply(hub, clock, steward.token, { topicId: topic.id, markdown: "And this reply too." });
    const queued = await outboxRows();
    const added = queued.slice(before);
    expect(added.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(added)).toMatch(/topic/u);
    expect(JSON.stringify(added)).toMatch(/post/u);

    // The manuals were synced at start-up while Meilisearch was away: their pages wait in the outbox too.
    expect(JSON.stringify(queued)).toMatch(/manual_page/u);
    const page = expectData(
      await graphql<{ manual: { release: { page: { title: string } | null } } }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { page(path: "planning/hardware") { title } } } }`,
      ),
    );
    expect(page.manual.release.page?.title).toBeTruthy();

    const catalog = await graphql(hub.url, "{ blueprints(first: 5) { edges { node { name } } } }");
    expect(catalog.errors).toBeUndefined();
    const cooperatives = await graphql(hub.url, "{ cooperatives(first: 5) { edges { node { slug } } } }");
    expect(cooperatives.errors).toBeUndefined();
  });
});
