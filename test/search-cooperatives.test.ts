import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { inTransaction } from "../server/db/transaction.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { DEFAULT_CLUSTER_SETTINGS } from "../server/modules/clusters/cluster-settings.js";
import { claimJoinToken, registerCluster } from "../server/modules/clusters/register-cluster.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { decideCooperative } from "../server/modules/cooperatives/decide-cooperative.js";
import { updateCooperative } from "../server/modules/cooperatives/update-cooperative.js";
import {
  outboxSearchIndexer,
  postgresSearchIndexer,
  registerSearchIndexer,
} from "../server/modules/search/search-indexer.js";
import { buildJoinToken } from "./support/cluster-factories.js";
import { buildCooperative } from "./support/factories.js";
import { createCategory, createTopic, type ForumCaller, forumCaller } from "./support/forum-fixtures.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** What the index stores about cooperatives stays current when one is approved or renamed; hex-like names. */

const SEARCH = `query($q: String!) { search(query: $q, first: 20) { totalCount edges { node { type objectId title } } } }`;
const APPROVE = `mutation($input: DecideCooperativeInput!) { approveCooperative(input: $input) { cooperative { status } } }`;

const clock = new ManualClock(new Date("2026-11-20T09:00:00Z"));
let hub: TestHub;
let steward: ForumCaller;
let author: ForumCaller;
let coopCategory: string;

async function titles(query: string, caller: ForumCaller): Promise<string[]> {
  const result = await graphql<{ search: { edges: Array<{ node: { title: string } }> } }>(
    hub.url,
    SEARCH,
    { q: query },
    { token: caller.token },
  );
  return expectData(result)
    .search.edges.map((edge) => edge.node.title)
    .sort();
}

/** A pending cooperative with one member, as after `applyForCooperative`. */
async function pendingCooperative(): Promise<{ cooperative: Cooperative; member: ForumCaller }> {
  const member = await forumCaller(hub);
  const cooperative = await buildCooperative(hub.database.dataSource, {
    status: "pending",
    members: [member.person],
  });
  return { cooperative, member };
}

const actor = () => ({ personId: steward.person.id, requestId: "test", now: clock.now() });
const approve = (manager: EntityManager, cooperativeId: string) =>
  decideCooperative(manager, actor(), { cooperativeId, outcome: "approved" });

async function registerNamedCluster(name: string, cooperative: Cooperative): Promise<string> {
  const dataSource = hub.database.dataSource;
  const now = clock.now();
  const { secret } = await buildJoinToken(dataSource, { cooperative, clusterName: name, now });
  const { cluster } = await inTransaction(dataSource, async (manager) =>
    registerCluster(
      manager,
      { now, requestId: "test", settings: DEFAULT_CLUSTER_SETTINGS },
      await claimJoinToken(manager, secret, now),
      { clusterUid: randomUUID(), kubernetesVersion: "v1.34.2", agentVersion: "0.1.0" },
    ),
  );
  return cluster.id;
}

beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  author = await forumCaller(hub);
  await buildCooperative(hub.database.dataSource, { admins: [author.person] });
  coopCategory = await createCategory(hub, steward.token, {
    slug: "members-only",
    name: "Members only",
    readAudience: "COOPERATIVES",
    postAudience: "COOPERATIVES",
    replyAudience: "COOPERATIVES",
  });
  await createTopic(hub, clock, author.token, {
    categoryId: coopCategory,
    title: "Quetzal rack layout",
    markdown: "Where the quetzal switches go.",
  });
});
afterAll(() => hub.stop());

describe("Search after a cooperative is approved", () => {
  it("lets the new cooperative's members find cooperative-only topics at once", async () => {
    const { cooperative, member } = await pendingCooperative();
    expect(await titles("quetzal", member)).toEqual([]);
    expectData(
      await graphql(
        hub.url,
        APPROVE,
        { input: { id: toGlobalId("Cooperative", cooperative.id) } },
        { token: steward.token },
      ),
    );
    expect(await titles("quetzal", member)).toEqual(["Quetzal rack layout"]);
  });

  it("queues the re-index in the outbox in the approval's transaction, and rolls back with it", async () => {
    const dataSource = hub.database.dataSource;
    const outboxRows = async () =>
      (await dataSource.query("SELECT operation, payload FROM search_outbox ORDER BY id")) as Array<{
        operation: string;
        payload: Array<{ title: string; visibility: { cooperativeIds?: string[] } }>;
      }>;
    registerSearchIndexer(dataSource, outboxSearchIndexer);
    try {
      const rolledBack = await pendingCooperative();
      await expect(
        inTransaction(dataSource, async (manager) => {
          await approve(manager, rolledBack.cooperative.id);
          throw new Error("a later step failed");
        }),
      ).rejects.toThrow("a later step failed");
      expect(await outboxRows()).toEqual([]);

      const { cooperative } = await pendingCooperative();
      await inTransaction(dataSource, (manager) => approve(manager, cooperative.id));
      const rows = await outboxRows();
      const topic = rows.flatMap((row) => row.payload).find((entry) => entry.title === "Quetzal rack layout");
      expect(rows.map((row) => row.operation)).toContain("index");
      expect(topic?.visibility.cooperativeIds).toContain(cooperative.id);
      expect(topic?.visibility.cooperativeIds).not.toContain(rolledBack.cooperative.id);
    } finally {
      registerSearchIndexer(dataSource, postgresSearchIndexer);
      await dataSource.query("DELETE FROM search_outbox");
    }
  });

  it("re-indexes a renamed cooperative's clusters, whose text holds its name", async () => {
    const owner = await forumCaller(hub);
    const cooperative = await buildCooperative(hub.database.dataSource, {
      name: "Ibis Hosting",
      members: [owner.person],
    });
    await registerNamedCluster("ibis-core", cooperative);
    expect(await titles("hosting type:cluster", owner)).toEqual(["ibis-core"]);
    await inTransaction(hub.database.dataSource, (manager) =>
      updateCooperative(manager, actor(), cooperative.id, { name: "Heron Cloud" }),
    );
    expect(await titles("heron type:cluster", owner)).toEqual(["ibis-core"]);
    expect(await titles("hosting type:cluster", owner)).toEqual([]);
  });
});

describe("Search for hex-like cluster names", () => {
  it("finds a cluster by its whole name, by its hex part, and by prefixes of both", async () => {
    const owner = await forumCaller(hub);
    const cooperative = await buildCooperative(hub.database.dataSource, { members: [owner.person] });
    // `1e5a0b2c` alone parses as the number 1e5 followed by `a0b2c`; inside the name it is indexed whole.
    await registerNamedCluster("coop-1e5a0b2c", cooperative);
    await registerNamedCluster("edge-a1b2c3", cooperative);
    for (const query of ["coop-1e5a0b2c", "1e5a0b2c", "1e5a0", "coop-1e5a", "COOP-1E5A0B2C"]) {
      expect(await titles(`${query} type:cluster`, owner), query).toEqual(["coop-1e5a0b2c"]);
    }
    for (const query of ["edge-a1b2c3", "a1b2c3", "a1b2", "edge-a1"]) {
      expect(await titles(`${query} type:cluster`, owner), query).toEqual(["edge-a1b2c3"]);
    }
  });
});
