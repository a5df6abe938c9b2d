import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, type HubDatabase } from "../server/db/data-source.js";
import { MemorySearchProvider } from "../server/modules/search/core/memory-provider.js";
import { parseSearchQuery } from "../server/modules/search/core/query-parser.js";
import { SearchUnavailableError } from "../server/modules/search/core/search-errors.js";
import type { SearchDocument } from "../server/modules/search/core/search-provider.js";
import { MeiliSearchProvider } from "../server/modules/search/meilisearch/meili-search-provider.js";
import {
  deliverSearchOutbox,
  outboxBackoffMs,
} from "../server/modules/search/outbox/deliver-search-outbox.js";
import { outboxSearchIndexer } from "../server/modules/search/search-indexer.js";
import { createTestDatabase } from "./support/test-database.js";

/**
 * The outbox that feeds an external engine. No Meilisearch server can run here, so "down" is the real Meilisearch
 * client against a closed port, and "back" is the in-memory reference provider.
 */
let database: HubDatabase;
let drop: () => Promise<void>;
let closedPort: number;

const NOW = new Date("2026-11-25T10:00:00Z");
const document = (id: string): SearchDocument => ({
  type: "post",
  id,
  title: `Outbox post ${id}`,
  body: "Delivered once the engine is back",
  url: `/forum/p/${id}`,
  createdAt: NOW,
  updatedAt: NOW,
  visibility: { public: true },
});

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  database = await openDatabase(created.config);
  await migrate(database.dataSource);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
});

afterAll(async () => {
  await database.close();
  await drop();
});

describe("Search outbox", () => {
  it("queues changes in the content's transaction and rolls them back with it", async () => {
    await database.dataSource
      .transaction(async (manager) => {
        await outboxSearchIndexer.index(manager, [document("rolled-back")], NOW);
        throw new Error("content change failed");
      })
      .catch(() => {});
    const rows = await database.dataSource.query("SELECT count(*)::int AS n FROM search_outbox");
    expect(rows[0].n).toBe(0);
  });

  it("keeps every change while the engine is down, backing off, and delivers them in order when it returns", async () => {
    await database.dataSource.transaction((manager) =>
      outboxSearchIndexer.index(manager, [document("a")], NOW),
    );
    await database.dataSource.transaction((manager) =>
      outboxSearchIndexer.remove(manager, [{ type: "post", id: "a" }], NOW),
    );
    await database.dataSource.transaction((manager) =>
      outboxSearchIndexer.index(manager, [document("b")], NOW),
    );

    const down = new MeiliSearchProvider(`http://127.0.0.1:${closedPort}`, undefined);
    expect(await deliverSearchOutbox(database.dataSource, down, NOW)).toBe(0);
    const [first] = await database.dataSource.query(
      "SELECT attempts, next_attempt_at, last_error FROM search_outbox ORDER BY id LIMIT 1",
    );
    expect(first.attempts).toBe(1);
    expect(new Date(first.next_attempt_at).getTime()).toBe(NOW.getTime() + outboxBackoffMs(1));
    expect(first.last_error).toMatch(/not reachable/);
    expect(await deliverSearchOutbox(database.dataSource, down, NOW)).toBe(0);

    const back = new MemorySearchProvider();
    const later = new Date(NOW.getTime() + 60_000);
    expect(await deliverSearchOutbox(database.dataSource, back, later)).toBe(3);
    const page = await back.search(
      parseSearchQuery("outbox"),
      { signedIn: false, cooperativeIds: [], roles: [] },
      { first: 10 },
    );
    expect(page.hits.map((hit) => hit.id)).toEqual(["b"]);
    const remaining = await database.dataSource.query("SELECT count(*)::int AS n FROM search_outbox");
    expect(remaining[0].n).toBe(0);
  });

  it("backs off exponentially up to five minutes", () => {
    expect([1, 2, 3, 10, 30].map(outboxBackoffMs)).toEqual([1_000, 2_000, 4_000, 300_000, 300_000]);
  });

  it("reports an unreachable Meilisearch as SearchUnavailableError, never a crash", async () => {
    const down = new MeiliSearchProvider(`http://127.0.0.1:${closedPort}`, undefined);
    await expect(
      down.search(
        parseSearchQuery("kubeadm"),
        { signedIn: false, cooperativeIds: [], roles: [] },
        { first: 5 },
      ),
    ).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});
