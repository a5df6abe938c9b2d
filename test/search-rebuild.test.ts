import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { type HubDatabase, migrate, openDatabase } from "../server/db/data-source.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import { parseSearchQuery } from "../server/modules/search/core/query-parser.js";
import type { SearchDocument } from "../server/modules/search/core/search-provider.js";
import { createSearchEngine, type SearchEngine } from "../server/modules/search/create-search-engine.js";
import { PostgresSearchProvider } from "../server/modules/search/postgres/postgres-search-provider.js";
import { rebuildProgressLine, rebuildSearchIndex } from "../server/modules/search/rebuild-search-index.js";
import { allSearchDocuments } from "../server/modules/search/search-sources.js";
import { createTestDatabase } from "./support/test-database.js";

/** `npm run search:rebuild`'s function on the test database (PGlite by default, PostgreSQL with DATABASE_URL). */
const clock = new ManualClock(new Date("2026-11-25T09:00:00Z"));
const ANONYMOUS = { signedIn: false, cooperativeIds: [], roles: [] };
let database: HubDatabase;
let drop: () => Promise<void>;
let engine: SearchEngine;

const stale: SearchDocument = {
  type: "post",
  id: "00000000-0000-4000-8000-000000000001",
  title: "Quetzalcoatl stale entry",
  body: "A document whose post no longer exists.",
  url: "/forum/p/stale",
  createdAt: clock.now(),
  updatedAt: clock.now(),
  visibility: { public: true },
};

const indexedCount = async () =>
  (await database.dataSource.query("SELECT count(*)::int AS n FROM search_document"))[0].n as number;
const find = async (words: string) =>
  (await engine.provider.search(parseSearchQuery(words), ANONYMOUS, { first: 5 })).totalCount;

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  database = await openDatabase(created.config);
  await migrate(database.dataSource);
  const logger = createLogger("silent");
  await manualContentSyncer.sync({
    dataSource: database.dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock,
    logger,
  });
  engine = createSearchEngine(loadConfig({ NODE_ENV: "test" }), database.dataSource, logger, clock);
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe("search:rebuild", () => {
  it("re-creates the index from the sources with a progress bar, dropping stale documents", async () => {
    await new PostgresSearchProvider(database.dataSource).index([stale]);
    expect(await find("quetzalcoatl")).toBe(1);
    const lines: string[] = [];
    const result = await rebuildSearchIndex({
      dataSource: database.dataSource,
      engine,
      clock,
      progress: (line) => lines.push(line),
    });
    expect(result.kind).toBe("postgres");
    expect(result.total).toBeGreaterThan(10);
    expect(result.indexed).toBe(result.total);
    expect(await indexedCount()).toBe(result.total);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(/^\[[#.]{30}\] \d+\/\d+ documents$/u);
    expect(lines.at(-1)).toBe(`[${"#".repeat(30)}] ${result.total}/${result.total} documents`);
    expect(await find("quetzalcoatl")).toBe(0);
    expect(await find("metallb")).toBeGreaterThan(0);
    expect(rebuildProgressLine(100, 400)).toBe(`[${"#".repeat(8)}${".".repeat(22)}] 100/400 documents`);
  });

  it("keeps answering searches during a rebuild, from a whole index (never a half-built one)", async () => {
    await new PostgresSearchProvider(database.dataSource).index([stale]);
    const before = await indexedCount();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let halfway!: () => void;
    const reachedHalfway = new Promise<void>((resolve) => {
      halfway = resolve;
    });
    async function* slowDocuments(manager: Parameters<typeof allSearchDocuments>[0]) {
      let count = 0;
      for await (const document of allSearchDocuments(manager)) {
        count += 1;
        if (count === 30) {
          // The rebuild's transaction has emptied the index and not refilled it yet: the new index is half built.

          halfway();
          await gate;
        }
        yield document;
      }
    }
    const rebuild = rebuildSearchIndex({
      dataSource: database.dataSource,
      engine,
      clock,
      progress: () => {},
      documents: slowDocuments,
    });
    await reachedHalfway;
    let rebuildDone = false;
    void rebuild.then(() => {
      rebuildDone = true;
    });
    const during = engine.provider.search(parseSearchQuery("quetzalcoatl"), ANONYMOUS, { first: 5 });
    const answeredFirst = await Promise.race([
      during.then(() => (rebuildDone ? ("late" as const) : ("search" as const))),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 2_000)),
    ]);
    release();
    const answer = await during;
    const result = await rebuild;
    if (answeredFirst === "search") {
      // PostgreSQL: another connection reads the old index (stale entry still there) while the rebuild runs.
      expect(answer.totalCount).toBe(1);
    } else {
      // PGlite has one connection: the search waits for the rebuild's commit and sees the whole new index.
      expect(answer.totalCount).toBe(0);
    }
    expect(before).toBe(result.total + 1);
    expect(await indexedCount()).toBe(result.total);
  });
});
