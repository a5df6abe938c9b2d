import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../server/modules/search/core/search-provider.js";
import { ManualEntity } from "../server/modules/manuals/manual.entity.js";
import { ManualMaintainerEntity } from "../server/modules/manuals/manual-maintainer.entity.js";
import { PostgresSearchProvider } from "../server/modules/search/postgres/postgres-search-provider.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const SEARCH = `query($q: String!, $after: String, $release: String) {
  search(query: $q, first: 10, after: $after, context: { release: $release }) {
    totalCount notices truncated
    edges { cursor node { type objectId title url snippetHtml release } }
    facets { type { value count } tag { value count } cooperative { value count } }
  } }`;

interface SearchData {
  search: {
    totalCount: number;
    notices: string[];
    truncated: boolean;
    edges: Array<{
      node: { type: string; objectId: string; title: string; snippetHtml: string; release: string | null };
    }>;
    facets: { type: Array<{ value: string; count: number }>; tag: Array<{ value: string; count: number }> };
  };
}

let hub: TestHub;
let memberToken: string;
let outsiderToken: string;

function document(
  overrides: Partial<SearchDocument> & Pick<SearchDocument, "id" | "title" | "body">,
): SearchDocument {
  return {
    type: "post",
    url: `/forum/p/${overrides.id}`,
    createdAt: new Date("2026-11-01T10:00:00Z"),
    updatedAt: new Date("2026-11-01T10:00:00Z"),
    visibility: { public: true },
    ...overrides,
  };
}

beforeAll(async () => {
  hub = await startTestHub();
  const member = await buildPerson(hub.database.dataSource);
  const cooperative = await buildCooperative(hub.database.dataSource, { admins: [member], slug: "fjord" });
  memberToken = await buildApiToken(hub.database.dataSource, member);
  outsiderToken = await buildApiToken(hub.database.dataSource, await buildPerson(hub.database.dataSource));
  await new PostgresSearchProvider(hub.database.dataSource).index([
    document({
      id: "p1",
      title: "Upgrading kubeadm clusters to 1.36",
      body: "Change the pkgs.k8s.io repository line first.",
      tags: ["kubeadm"],
    }),
    document({
      id: "p2",
      title: "Our private kubeadm runbook",
      body: "Internal notes of the Fjord cooperative about kubeadm certificates.",
      tags: ["secret-runbook"],
      cooperativeId: cooperative.id,
      cooperativeSlug: "fjord",
      visibility: { public: false, cooperativeIds: [cooperative.id] },
    }),
    document({
      id: "m1",
      type: "manual_page",
      title: "Layer 2 with MetalLB",
      body: "IPAddressPool and L2Advertisement.",
      release: "2026.11",
    }),
    document({
      id: "m0",
      type: "manual_page",
      title: "Layer 2 with MetalLB",
      body: "IPAddressPool and L2Advertisement (older).",
      release: "2026.04",
    }),
  ]);
});
afterAll(() => hub.stop());

describe("Search over GraphQL", () => {
  it("finds with a typo and a prefix, and highlights matches safely", async () => {
    const typo = expectData(await graphql<SearchData>(hub.url, SEARCH, { q: "kubeam upgrading" }));
    expect(typo.search.edges.map((edge) => edge.node.objectId)).toEqual(["p1"]);
    expect(typo.search.edges[0]?.node.snippetHtml).toContain("<mark>");
    const prefix = expectData(await graphql<SearchData>(hub.url, SEARCH, { q: "metal" }));
    expect(prefix.search.totalCount).toBe(2);
  });

  it("never shows a cooperative-only document to outsiders, not even in counts or facets", async () => {
    const outsider = expectData(
      await graphql<SearchData>(hub.url, SEARCH, { q: "kubeadm" }, { token: outsiderToken }),
    );
    expect(outsider.search.edges.map((edge) => edge.node.objectId)).toEqual(["p1"]);
    expect(outsider.search.totalCount).toBe(1);
    expect(JSON.stringify(outsider.search.facets)).not.toContain("secret-runbook");
    const member = expectData(
      await graphql<SearchData>(hub.url, SEARCH, { q: "kubeadm" }, { token: memberToken }),
    );
    expect(member.search.edges.map((edge) => edge.node.objectId).sort()).toEqual(["p1", "p2"]);
    expect(member.search.facets.tag).toContainEqual({ value: "secret-runbook", count: 1 });
  });

  it("ranks the release being read first", async () => {
    const older = expectData(
      await graphql<SearchData>(hub.url, SEARCH, { q: "l2advertisement", release: "2026.04" }),
    );
    expect(older.search.edges[0]?.node.release).toBe("2026.04");
    const newer = expectData(
      await graphql<SearchData>(hub.url, SEARCH, { q: "l2advertisement", release: "2026.11" }),
    );
    expect(newer.search.edges[0]?.node.release).toBe("2026.11");
  });

  it("answers operator-only, empty and huge queries sensibly", async () => {
    const typeOnly = expectData(await graphql<SearchData>(hub.url, SEARCH, { q: "type:manual" }));
    expect(typeOnly.search.totalCount).toBe(2);
    const empty = expectData(await graphql<SearchData>(hub.url, SEARCH, { q: "" }));
    expect(empty.search.totalCount).toBe(3);
    const huge = expectData(await graphql<SearchData>(hub.url, SEARCH, { q: "kubeadm ".repeat(100) }));
    expect(huge.search.truncated).toBe(true);
    expect(huge.search.notices.join(" ")).toMatch(/500/);
    const unknownOperator = expectData(await graphql<SearchData>(hub.url, SEARCH, { q: "foo:bar" }));
    expect(unknownOperator.search.totalCount).toBe(0);
  });

  it("refuses a malformed cursor with BAD_USER_INPUT", async () => {
    expectErrorCode(await graphql(hub.url, SEARCH, { q: "kubeadm", after: "garbage" }), "BAD_USER_INPUT");
  });

  it("logs queries that found nothing for moderators and stewards only", async () => {
    await graphql(hub.url, SEARCH, { q: "  Longhorn   backups " });
    await graphql(hub.url, SEARCH, { q: "longhorn backups" });
    const steward = await buildApiToken(
      hub.database.dataSource,
      await buildPerson(hub.database.dataSource, { hubRoles: ["steward"] }),
    );
    const misses = expectData(
      await graphql<{ searchMisses: { edges: Array<{ node: { query: string; count: number } }> } }>(
        hub.url,
        "{ searchMisses { edges { node { query count } } } }",
        {},
        { token: steward },
      ),
    );
    expect(misses.searchMisses.edges).toContainEqual({ node: { query: "longhorn backups", count: 2 } });
    expectErrorCode(
      await graphql(hub.url, "{ searchMisses { edges { node { query } } } }", {}, { token: outsiderToken }),
      "FORBIDDEN",
    );
    expectErrorCode(
      await graphql(hub.url, "{ searchMisses { edges { node { query } } } }"),
      "UNAUTHENTICATED",
    );
    const { dataSource } = hub.database;
    const manual = await dataSource.manager.save(ManualEntity, { slug: "miss-manual", title: "Miss manual" });
    const maintainer = await buildPerson(dataSource);
    await dataSource.manager.insert(ManualMaintainerEntity, { manualId: manual.id, personId: maintainer.id });
    const forMaintainer = await graphql<{ searchMisses: { edges: Array<{ node: { query: string } }> } }>(
      hub.url,
      "{ searchMisses { edges { node { query } } } }",
      {},
      { token: await buildApiToken(dataSource, maintainer) },
    );
    expect(expectData(forMaintainer).searchMisses.edges).toContainEqual({
      node: { query: "longhorn backups" },
    });
  });

  it("combines the filters argument with the query's operators (both must hold)", async () => {
    const FILTERED = `query($q: String!, $filters: SearchFiltersInput) {
      search(query: $q, filters: $filters) { totalCount notices edges { node { objectId } } } }`;
    const run = async (q: string, filters: Record<string, unknown>) =>
      expectData(
        await graphql<{
          search: { totalCount: number; notices: string[]; edges: Array<{ node: { objectId: string } }> };
        }>(hub.url, FILTERED, { q, filters }),
      ).search;
    const pages = await run("metallb", { type: ["MANUAL_PAGE"], release: ["2026.11"] });
    expect(pages.edges.map((edge) => edge.node.objectId)).toEqual(["m1"]);
    expect((await run("type:post", { tag: ["kubeadm"] })).edges.map((edge) => edge.node.objectId)).toEqual([
      "p1",
    ]);
    expect(
      (await run("upgrading", { inTitle: true, before: "2026-11-02", after: "2026-11-01" })).totalCount,
    ).toBe(1);
    expect((await run("upgrading", { after: "2026-11-02" })).totalCount).toBe(0);
    const contradiction = await run("type:post metallb", { type: ["manual"] });
    expect(contradiction.totalCount).toBe(0);
    expect(contradiction.notices.join(" ")).toMatch(/contradict/u);
  });

  it("refuses bad filters with BAD_USER_INPUT naming each field", async () => {
    const result = await graphql(
      hub.url,
      `query($filters: SearchFiltersInput) { search(query: "x", filters: $filters) { totalCount } }`,
      { filters: { type: ["wiki"], status: "maybe", before: "yesterday" } },
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result).sort()).toEqual(["filters.before", "filters.status", "filters.type"]);
    expect(result.errors?.[0]?.message).toMatch(/wiki/u);
  });
});
