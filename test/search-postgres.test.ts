import { afterAll, beforeAll } from "vitest";
import { migrate, openDatabase, type HubDatabase } from "../server/db/data-source.js";
import { describeSearchProviderContract } from "../server/modules/search/core/contract/search-provider.contract.js";
import { PostgresSearchProvider } from "../server/modules/search/postgres/postgres-search-provider.js";
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
