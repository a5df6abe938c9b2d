import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, type HubDatabase } from "../server/db/data-source.js";
import { describeSearchProviderContract } from "../server/modules/search/core/contract/search-provider.contract.js";
import { parseSearchQuery } from "../server/modules/search/core/query-parser.js";
import { PostgresSearchProvider } from "../server/modules/search/postgres/postgres-search-provider.js";
import { SEARCH_CANDIDATE_CAP } from "../server/modules/search/postgres/search-statement.js";
import { createTestDatabase } from "./support/test-database.js";

/**
 * The PostgreSQL provider against the shared search contract, on a real database (PostgreSQL in CI, PGlite
 * locally). One database for the file; each case starts from an empty index.
 */
let database: HubDatabase;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  database = await openDatabase(created.config);
  await migrate(database.dataSource);
});

afterAll(async () => {
  await database.close();
  await drop();
});

describeSearchProviderContract("PostgreSQL full-text search", async () => {
  await database.dataSource.query("TRUNCATE search_document, search_term");
  return { provider: new PostgresSearchProvider(database.dataSource), cleanup: async () => {} };
});

describe("PostgreSQL search at its counting limit", () => {
  const anonymous = { signedIn: false, cooperativeIds: [], roles: [] };
  const at = new Date("2026-11-20T10:00:00Z");

  it("counts up to SEARCH_CANDIDATE_CAP, says the total is a lower bound, and computes facets only when asked", async () => {
    await database.dataSource.query("TRUNCATE search_document, search_term, search_lexeme");
    const provider = new PostgresSearchProvider(database.dataSource);
    const count = SEARCH_CANDIDATE_CAP + 5;
    await provider.index(
      Array.from({ length: count }, (_, index) => ({
        type: "post" as const,
        id: `common-${index}`,
        title: `Gannet note ${index}`,
        body: "Every one of these mentions the gannet colony.",
        url: `/forum/p/common-${index}`,
        tags: ["birds"],
        createdAt: at,
        updatedAt: at,
        visibility: { public: true },
      })),
    );
    const capped = await provider.search(parseSearchQuery("gannet"), anonymous, { first: 20 });
    expect(capped).toMatchObject({ totalCount: SEARCH_CANDIDATE_CAP, totalIsLowerBound: true });
    expect(capped.hits).toHaveLength(20);
    expect(capped.facets.tag).toEqual({ birds: SEARCH_CANDIDATE_CAP });

    const narrow = await provider.search(parseSearchQuery("gannet in:title 1004"), anonymous, {
      first: 20,
      facets: false,
    });
    expect(narrow).toMatchObject({ totalCount: 1, totalIsLowerBound: false });
    expect(narrow.facets).toEqual({ type: {}, category: {}, tag: {}, cooperative: {}, release: {} });
  });
});
