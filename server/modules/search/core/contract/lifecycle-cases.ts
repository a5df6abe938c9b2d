import { expect } from "vitest";
import { parseSearchQuery } from "../query-parser.js";
import { InvalidCursorError } from "../search-errors.js";
import type { SearchDocument, SearchProvider, SearchRebuildProgress } from "../search-provider.js";
import type { SearchProviderContractCase } from "./contract-case.js";
import { foundIds, searchPage, sorted } from "./contract-helpers.js";
import { CONTRACT_VIEWERS, fixture, PUBLIC_IDS } from "./fixtures.js";

const { anonymous } = CONTRACT_VIEWERS;

/** Only `<mark>` and `</mark>` may appear as markup in a snippet. */
const FOREIGN_MARKUP = /<(?!\/?mark>)/u;

async function collectPages(provider: SearchProvider, raw: string, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pageNumber = 0; pageNumber < 50; pageNumber += 1) {
    const page = await provider.search(parseSearchQuery(raw), anonymous, { first, after });
    expect(page.hits.length).toBeLessThanOrEqual(first);
    ids.push(...page.hits.map((hit) => hit.id));
    if (!page.pageInfo.hasNextPage) return ids;
    expect(page.pageInfo.endCursor).toBeDefined();
    after = page.pageInfo.endCursor;
  }
  throw new Error("pagination did not end after 50 pages");
}

async function* documentsOf(documents: SearchDocument[]): AsyncIterable<SearchDocument> {
  for (const document of documents) yield { ...document };
}

/** Ranking by release, pagination, cursors, index/remove/rebuild and snippets. */
export const LIFECYCLE_CASES: SearchProviderContractCase[] = [
  {
    name: "ranks the page of the release being read first",
    run: async (provider) => {
      for (const release of ["2026.04", "2026.10"]) {
        const page = await searchPage(provider, "ipaddresspool", anonymous, { release });
        expect(page.hits.map((hit) => hit.id).slice(0, 1)).toEqual([`manual-metallb-${release}`]);
        expect(page.totalCount).toBe(2);
      }
    },
  },
  {
    name: "pages through every result with cursors, in the same order as one big page",
    run: async (provider) => {
      const whole = (await searchPage(provider, "")).hits.map((hit) => hit.id);
      const paged = await collectPages(provider, "", 2);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(PUBLIC_IDS.length);
    },
  },
  {
    name: "returns the same page for the same cursor, and each hit's cursor continues after it",
    run: async (provider) => {
      const query = parseSearchQuery("");
      const first = await provider.search(query, anonymous, { first: 3 });
      const again = await provider.search(query, anonymous, { first: 3, after: first.pageInfo.endCursor });
      const repeated = await provider.search(query, anonymous, { first: 3, after: first.pageInfo.endCursor });
      expect(repeated.hits.map((hit) => hit.id)).toEqual(again.hits.map((hit) => hit.id));
      const fromSecondHit = await provider.search(query, anonymous, {
        first: 1,
        after: first.hits[1].cursor,
      });
      expect(fromSecondHit.hits.map((hit) => hit.id)).toEqual([first.hits[2].id]);
    },
  },
  {
    name: "rejects a cursor it did not produce with InvalidCursorError",
    run: async (provider) => {
      const query = parseSearchQuery("");
      await expect(
        provider.search(query, anonymous, { first: 2, after: "not-a-cursor" }),
      ).rejects.toBeInstanceOf(InvalidCursorError);
    },
  },
  {
    name: "removes documents and ignores unknown refs",
    run: async (provider) => {
      await provider.remove([
        { type: "topic", id: "topic-bgp" },
        { type: "post", id: "no-such-post" },
      ]);
      expect(await foundIds(provider, '"speaker loses"')).toEqual([]);
      expect(await foundIds(provider, "")).toEqual(sorted(PUBLIC_IDS.filter((id) => id !== "topic-bgp")));
    },
  },
  {
    name: "replaces a document indexed again under the same ref",
    run: async (provider) => {
      await provider.index([
        { ...fixture("post-upgrade"), title: "Kubeadm upgrade hangs", body: "Solved by patience." },
      ]);
      // Phrases, not single words: a trigram typo fallback may legitimately find near words elsewhere.
      expect(await foundIds(provider, '"static pod"')).toEqual([]);
      expect(await foundIds(provider, "hangs")).toEqual(["post-upgrade"]);
      expect(await foundIds(provider, "")).toEqual(sorted(PUBLIC_IDS));
    },
  },
  {
    name: "rebuilds the whole index from a source and reports progress",
    run: async (provider) => {
      const progress: SearchRebuildProgress[] = [];
      const result = await provider.rebuild(
        documentsOf([fixture("blueprint-odoo"), fixture("topic-volume")]),
        (update) => progress.push(update),
      );
      expect(result).toEqual({ indexed: 2 });
      expect(progress.at(-1)).toEqual({ indexed: 2 });
      expect(await foundIds(provider, "")).toEqual(["blueprint-odoo", "topic-volume"]);
      expect(await foundIds(provider, "kubeadm")).toEqual([]);
    },
  },
  {
    name: "marks matched words in snippets with <mark> and escapes everything else",
    run: async (provider) => {
      const page = await searchPage(provider, "zebra");
      expect(page.hits.map((hit) => hit.id)).toEqual(["post-html"]);
      const [hit] = page.hits;
      expect(hit.snippetHtml).toMatch(/<mark>zebra<\/mark>/iu);
      expect(hit.snippetHtml).not.toMatch(FOREIGN_MARKUP);
      const upgrade = await searchPage(provider, "draining");
      expect(upgrade.hits[0].snippetHtml).toMatch(/<mark>draining<\/mark>/iu);
    },
  },
  {
    name: "returns hits with the document's title, url and release",
    run: async (provider) => {
      const page = await searchPage(provider, "release:2026.04");
      expect(page.hits).toHaveLength(1);
      const [hit] = page.hits;
      expect({ type: hit.type, id: hit.id, title: hit.title, url: hit.url, release: hit.release }).toEqual({
        type: "manual_page",
        id: "manual-metallb-2026.04",
        title: "Installing MetalLB in layer 2 mode",
        url: "/manuals/2026.04/networking/metallb",
        release: "2026.04",
      });
    },
  },
];
