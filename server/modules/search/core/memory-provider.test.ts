import { describe, expect, it } from "vitest";
import {
  describeSearchProviderContract,
  runContractCase,
  SEARCH_PROVIDER_CONTRACT_CASES,
} from "./contract/search-provider.contract.js";
import { MemorySearchProvider } from "./memory-provider.js";
import type { ParsedSearchQuery } from "./parsed-search-query.js";
import type {
  SearchContext,
  SearchDocument,
  SearchDocumentRef,
  SearchPageRequest,
  SearchProvider,
  SearchRebuildProgress,
  SearchResultPage,
  SearchViewer,
} from "./search-provider.js";

describeSearchProviderContract("In-memory reference provider", async () => ({
  provider: new MemorySearchProvider(),
  cleanup: async () => {},
}));

/** A viewer who can see everything: what a provider that forgets permissions effectively uses. */
const ALL_SEEING: SearchViewer = {
  signedIn: true,
  cooperativeIds: [`coop-north'"\\`, "coop-south"],
  roles: ["steward"],
};

/** Delegates to the reference provider; subclasses break one rule each. */
class DelegatingProvider implements SearchProvider {
  protected readonly inner = new MemorySearchProvider();
  index(documents: SearchDocument[]): Promise<void> {
    return this.inner.index(documents);
  }
  remove(refs: SearchDocumentRef[]): Promise<void> {
    return this.inner.remove(refs);
  }
  rebuild(
    source: AsyncIterable<SearchDocument>,
    onProgress?: (progress: SearchRebuildProgress) => void,
  ): Promise<SearchRebuildProgress> {
    return this.inner.rebuild(source, onProgress);
  }
  search(
    query: ParsedSearchQuery,
    viewer: SearchViewer,
    page: SearchPageRequest,
    context?: SearchContext,
  ): Promise<SearchResultPage> {
    return this.inner.search(query, viewer, page, context);
  }
}

/** Ignores who is asking. */
class LeakyProvider extends DelegatingProvider {
  override search(query: ParsedSearchQuery, _viewer: SearchViewer, page: SearchPageRequest) {
    return this.inner.search(query, ALL_SEEING, page);
  }
}

/** Filters hits by permission but counts facets and totals over everything. */
class LeakyFacetsProvider extends DelegatingProvider {
  override async search(query: ParsedSearchQuery, viewer: SearchViewer, page: SearchPageRequest) {
    const visible = await this.inner.search(query, viewer, page);
    const everything = await this.inner.search(query, ALL_SEEING, page);
    return { ...visible, totalCount: everything.totalCount, facets: everything.facets };
  }
}

/** Never removes anything. */
class StickyProvider extends DelegatingProvider {
  override async remove(): Promise<void> {}
}

/** Ignores cursors, so every page is the first page. */
class ForgetfulPagingProvider extends DelegatingProvider {
  override search(query: ParsedSearchQuery, viewer: SearchViewer, page: SearchPageRequest) {
    return this.inner.search(query, viewer, { first: page.first });
  }
}

/** Ignores the release context. */
class ReleaseBlindProvider extends DelegatingProvider {
  override search(query: ParsedSearchQuery, viewer: SearchViewer, page: SearchPageRequest) {
    return this.inner.search(query, viewer, page);
  }
}

/** Drops excluded words and negated filters. */
class NoExclusionProvider extends DelegatingProvider {
  override search(query: ParsedSearchQuery, viewer: SearchViewer, page: SearchPageRequest) {
    return this.inner.search({ ...query, excluded: [], excludedFilters: {} }, viewer, page);
  }
}

/** Only exact words: no prefix, no typo tolerance (it looks the words up as phrases). */
class ExactOnlyProvider extends DelegatingProvider {
  override search(query: ParsedSearchQuery, viewer: SearchViewer, page: SearchPageRequest) {
    return this.inner.search(
      { ...query, terms: [], phrases: [...query.phrases, ...query.terms] },
      viewer,
      page,
    );
  }
}

/** Returns snippets with the raw, unescaped body. */
class UnsafeSnippetProvider extends DelegatingProvider {
  private readonly bodies = new Map<string, string>();
  override index(documents: SearchDocument[]): Promise<void> {
    for (const document of documents) this.bodies.set(document.id, document.body);
    return this.inner.index(documents);
  }
  override async search(query: ParsedSearchQuery, viewer: SearchViewer, page: SearchPageRequest) {
    const result = await this.inner.search(query, viewer, page);
    const hits = result.hits.map((hit) => ({
      ...hit,
      snippetHtml: `<mark>${this.bodies.get(hit.id) ?? ""}</mark>`,
    }));
    return { ...result, hits };
  }
}

const BROKEN_PROVIDERS: { name: string; make: () => SearchProvider; failingCases: string[] }[] = [
  {
    name: "ignores permissions",
    make: () => new LeakyProvider(),
    failingCases: [
      "shows each viewer exactly the documents they may see",
      "never returns a hidden document, even when the query names it exactly",
      "counts only visible documents in totals and facets",
    ],
  },
  {
    name: "counts hidden documents in facets",
    make: () => new LeakyFacetsProvider(),
    failingCases: ["counts only visible documents in totals and facets"],
  },
  {
    name: "never removes",
    make: () => new StickyProvider(),
    failingCases: ["removes documents and ignores unknown refs"],
  },
  {
    name: "ignores cursors",
    make: () => new ForgetfulPagingProvider(),
    failingCases: [
      "pages through every result with cursors, in the same order as one big page",
      "returns the same page for the same cursor, and each hit's cursor continues after it",
      "rejects a cursor it did not produce with InvalidCursorError",
    ],
  },
  {
    name: "ignores the release context",
    make: () => new ReleaseBlindProvider(),
    failingCases: ["ranks the page of the release being read first"],
  },
  {
    name: "ignores exclusions",
    make: () => new NoExclusionProvider(),
    failingCases: [
      "leaves out documents containing an excluded word",
      "leaves out documents containing an excluded phrase",
      "leaves out documents matching a negated filter",
    ],
  },
  {
    name: "matches exact words only",
    make: () => new ExactOnlyProvider(),
    failingCases: ["tolerates a typo (kubeam finds kubeadm)", "matches a word prefix (metal finds MetalLB)"],
  },
  {
    name: "returns unescaped snippets",
    make: () => new UnsafeSnippetProvider(),
    failingCases: ["marks matched words in snippets with <mark> and escapes everything else"],
  },
];

function contractCase(name: string) {
  const found = SEARCH_PROVIDER_CONTRACT_CASES.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no contract case named ${name}`);
  return found;
}

describe("Search provider contract suite", () => {
  it("has at least 30 cases with unique names", () => {
    const names = SEARCH_PROVIDER_CONTRACT_CASES.map((candidate) => candidate.name);
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const broken of BROKEN_PROVIDERS) {
    for (const name of broken.failingCases) {
      it(`catches a provider that ${broken.name}: "${name}" fails`, async () => {
        await expect(runContractCase(contractCase(name), broken.make())).rejects.toThrow();
      });
    }
  }
});
