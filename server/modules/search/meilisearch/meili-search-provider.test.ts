import type { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "../core/query-parser.js";
import type { SearchDocument } from "../core/search-provider.js";
import { MEILI_INDEX_SETTINGS } from "./meili-document.js";
import { MeiliSearchProvider } from "./meili-search-provider.js";

/**
 * The provider against a recording stub of the `meilisearch` client: what it asks Meilisearch to do, in order.
 * (The contract suite runs against a real server only when MEILI_HOST is set.)
 */
function recordingClient(existing: string[] = []) {
  const calls: Array<[string, ...unknown[]]> = [];
  const task = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args]);
    return { waitTask: async () => ({ status: "succeeded" }) };
  };
  const client = {
    getIndexes: async () => ({ results: existing.map((uid) => ({ uid })) }),
    createIndex: (uid: string, options: unknown) => {
      existing.push(uid);
      return task("createIndex", uid, options);
    },
    deleteIndexIfExists: async (uid: string) => calls.push(["deleteIndexIfExists", uid]),
    deleteIndex: (uid: string) => task("deleteIndex", uid),
    swapIndexes: (swaps: unknown) => task("swapIndexes", swaps),
    index: (uid: string) => ({
      updateSettings: (settings: unknown) => task("updateSettings", uid, settings),
      addDocuments: (documents: Array<{ id: string }>) =>
        task(
          "addDocuments",
          uid,
          documents.map((document) => document.id),
        ),
      search: async (q: string, options: unknown) => {
        calls.push(["search", uid, q, options]);
        return { hits: [], estimatedTotalHits: 0, facetDistribution: {} };
      },
    }),
  };
  return { calls, client: client as unknown as Meilisearch };
}

const document = (id: string): SearchDocument => ({
  type: "post",
  id,
  title: `Post ${id}`,
  body: "body",
  url: `/forum/p/${id}`,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-01T00:00:00Z"),
  visibility: { public: true },
});

async function* documents(count: number): AsyncIterable<SearchDocument> {
  for (let index = 0; index < count; index += 1) yield document(`d${index}`);
}

describe("Meilisearch index settings", () => {
  it("searches title, headings and body in that order; filters every operator and visibility field; sorts by dates", () => {
    expect(MEILI_INDEX_SETTINGS.searchableAttributes).toEqual(["title", "headings", "body"]);
    expect([...MEILI_INDEX_SETTINGS.filterableAttributes].sort()).toEqual(
      [
        "type",
        "category",
        "tags",
        "person",
        "cooperative",
        "release",
        "status",
        "createdAtMs",
        "visibility_public",
        "visibility_signed_in",
        "visibility_cooperatives",
        "visibility_role",
      ].sort(),
    );
    expect(MEILI_INDEX_SETTINGS.sortableAttributes).toEqual(["updatedAtMs", "createdAtMs"]);
    expect(MEILI_INDEX_SETTINGS.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    });
  });

  it("creates a missing index with the uid primary key and applies the settings", async () => {
    const { calls, client } = recordingClient();
    await new MeiliSearchProvider("http://stub", undefined, "docs", client).ensureIndex();
    expect(calls).toEqual([
      ["createIndex", "docs", { primaryKey: "uid" }],
      ["updateSettings", "docs", MEILI_INDEX_SETTINGS],
    ]);
  });
});

describe("Meilisearch rebuild", () => {
  it("fills a temporary index in batches, swaps it in, then deletes the old one", async () => {
    const { calls, client } = recordingClient(["docs"]);
    const progress: number[] = [];
    const result = await new MeiliSearchProvider("http://stub", undefined, "docs", client).rebuild(
      documents(1_500),
      ({ indexed }) => progress.push(indexed),
    );
    expect(result).toEqual({ indexed: 1_500 });
    expect(progress).toEqual([1_000, 1_500, 1_500]);
    const names = calls.map(([name, uid]) => `${name} ${typeof uid === "string" ? uid : ""}`.trim());
    expect(names).toEqual([
      "deleteIndexIfExists docs_rebuild",
      "createIndex docs_rebuild",
      "updateSettings docs_rebuild",
      "updateSettings docs",
      "addDocuments docs_rebuild",
      "addDocuments docs_rebuild",
      "swapIndexes",
      "deleteIndex docs_rebuild",
    ]);
    const filled = calls.filter(([name]) => name === "addDocuments").flatMap(([, , ids]) => ids as string[]);
    expect(filled).toHaveLength(1_500);
    expect(calls.find(([name]) => name === "swapIndexes")?.[1]).toEqual([
      { indexes: ["docs", "docs_rebuild"], rename: false },
    ]);
  });

  it("never touches the live index's documents while rebuilding (searches keep the old index)", async () => {
    const { calls, client } = recordingClient(["docs"]);
    await new MeiliSearchProvider("http://stub", undefined, "docs", client).rebuild(documents(3));
    expect(calls.filter(([name, uid]) => name === "addDocuments" && uid === "docs")).toEqual([]);
  });
});

describe("Meilisearch search options", () => {
  it("sends the words as q, operators as the filter, and in:title as attributesToSearchOn", async () => {
    const { calls, client } = recordingClient(["docs"]);
    await new MeiliSearchProvider("http://stub", undefined, "docs", client).search(
      parseSearchQuery('kubeadm "exact words" in:title type:post'),
      { signedIn: false, cooperativeIds: [], roles: [] },
      { first: 5 },
    );
    const [, uid, q, options] = calls[0] as [string, string, string, Record<string, unknown>];
    expect([uid, q]).toEqual(["docs", 'kubeadm "exact words"']);
    expect(options).toMatchObject({ attributesToSearchOn: ["title"], limit: 6, offset: 0 });
    expect(options.filter).toMatch(/AND type IN \["post"\]$/u);
  });
});
