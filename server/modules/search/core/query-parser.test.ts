import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasTextCriteria, type ParsedSearchQuery } from "./parsed-search-query.js";
import { MAX_QUERY_LENGTH, parseSearchQuery, truncateAtWordBoundary } from "./query-parser.js";

type Expected = Partial<Omit<ParsedSearchQuery, "notices">>;

interface ParserCase {
  name: string;
  input: string;
  expected: Expected;
  /** Fragments the notices must contain, in order; no other notices allowed. */
  notices?: string[];
}

const EMPTY: Omit<ParsedSearchQuery, "notices"> = {
  terms: [],
  phrases: [],
  excluded: [],
  filters: {},
  excludedFilters: {},
  truncated: false,
};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const CASES: ParserCase[] = [
  // Words
  { name: "splits plain words", input: "kubeadm upgrade", expected: { terms: ["kubeadm", "upgrade"] } },
  { name: "lower-cases words", input: "MetalLB BGP", expected: { terms: ["metallb", "bgp"] } },
  { name: "drops repeated words", input: "helm Helm HELM", expected: { terms: ["helm"] } },
  {
    name: "keeps compound words whole",
    input: "kube-proxy v1.31 metallb_speaker",
    expected: { terms: ["kube-proxy", "v1.31", "metallb_speaker"] },
  },
  { name: "reads a time as two words", input: "12:30", expected: { terms: ["12", "30"] } },
  {
    name: "handles letters of any script",
    input: "Genossenschaft КЛАСТЕР 协作",
    expected: { terms: ["genossenschaft", "кластер", "协作"] },
  },
  { name: "composes accents typed as two code points", input: "cafe\u0301", expected: { terms: ["café"] } },
  { name: "ignores emoji", input: "🚀 metallb 🎉", expected: { terms: ["metallb"] } },
  {
    name: "treats control characters as spaces",
    input: "metal\u0000lb\u0007x",
    expected: { terms: ["metal", "lb", "x"] },
  },
  { name: "accepts an empty query", input: "", expected: {} },
  { name: "accepts a whitespace-only query", input: "  \t\n  ", expected: {} },
  // Phrases
  {
    name: "reads a quoted phrase",
    input: '"control plane" upgrade',
    expected: { phrases: ["control plane"], terms: ["upgrade"] },
  },
  {
    name: "collapses whitespace and case in phrases",
    input: '"  Control   PLANE "',
    expected: { phrases: ["control plane"] },
  },
  { name: "keeps a one-word phrase as a phrase", input: '"etcd"', expected: { phrases: ["etcd"] } },
  { name: "ignores an empty phrase", input: '""', expected: {} },
  { name: "accepts typographic quotes", input: "\u201Cday two\u201D", expected: { phrases: ["day two"] } },
  { name: "drops emoji inside a phrase", input: '"deploy 🚀 now"', expected: { phrases: ["deploy now"] } },
  {
    name: "starts a phrase at a quote inside a word",
    input: 'foo"bar baz"',
    expected: { terms: ["foo"], phrases: ["bar baz"] },
  },
  {
    name: "ignores an unclosed quote and reads the rest as words",
    input: 'metallb "layer 2',
    expected: { terms: ["metallb", "layer", "2"] },
    notices: ["not closed"],
  },
  // Exclusion
  { name: "excludes a word", input: "metallb -bgp", expected: { terms: ["metallb"], excluded: ["bgp"] } },
  {
    name: "excludes a phrase",
    input: 'helm -"old chart"',
    expected: { terms: ["helm"], excluded: ["old chart"] },
  },
  { name: "ignores a lone dash", input: "metallb - bgp", expected: { terms: ["metallb", "bgp"] } },
  { name: "ignores a trailing dash", input: "metallb -", expected: { terms: ["metallb"] } },
  { name: "reads a double dash as one negation", input: "--force", expected: { excluded: ["force"] } },
  {
    name: "searches an unknown negated operator as excluded words",
    input: "-foo:bar",
    expected: { excluded: ["foo", "bar"] },
  },
  {
    name: "negates list filters",
    input: "-tag:helm -type:manual -@Carol -coop:north -release:2026.04 -category:storage",
    expected: {
      excludedFilters: {
        tag: ["helm"],
        type: ["manual_page"],
        person: ["carol"],
        cooperative: ["north"],
        release: ["2026.04"],
        category: ["storage"],
      },
    },
  },
  { name: "refuses to negate status", input: "-status:solved", expected: {}, notices: ["cannot be negated"] },
  {
    name: "refuses to negate a date",
    input: "-before:2026-01-01",
    expected: {},
    notices: ["cannot be negated"],
  },
  // Operators
  { name: "filters by type", input: "type:topic", expected: { filters: { type: ["topic"] } } },
  {
    name: "accepts type aliases and comma lists",
    input: "type:manual,Blueprints",
    expected: { filters: { type: ["manual_page", "blueprint"] } },
  },
  { name: "ignores an unknown type", input: "type:wiki", expected: {}, notices: ["not a known type"] },
  {
    name: "turns a quoted category name into a slug",
    input: 'category:"Day  Two"',
    expected: { filters: { category: ["day-two"] } },
  },
  {
    name: "combines different operators",
    input: "category:storage tag:openebs",
    expected: { filters: { category: ["storage"], tag: ["openebs"] } },
  },
  {
    name: "merges repeated operators without duplicates",
    input: "tag:metallb,bgp tag:MetalLB",
    expected: { filters: { tag: ["metallb", "bgp"] } },
  },
  { name: "reads @handle as a person", input: "@Alice", expected: { filters: { person: ["alice"] } } },
  {
    name: "strips sentence punctuation after a handle",
    input: "thanks @bob.smith,",
    expected: { terms: ["thanks"], filters: { person: ["bob.smith"] } },
  },
  { name: "ignores a lone @", input: "@ metallb", expected: { terms: ["metallb"] } },
  {
    name: "does not read an e-mail address as a person",
    input: "alice@example.org",
    expected: { terms: ["alice", "example.org"] },
  },
  {
    name: "accepts coop: and cooperative:",
    input: "coop:North cooperative:south",
    expected: { filters: { cooperative: ["north", "south"] } },
  },
  { name: "filters by release", input: "release:2026.10", expected: { filters: { release: ["2026.10"] } } },
  { name: "filters solved topics", input: "status:solved", expected: { filters: { status: "solved" } } },
  { name: "ignores an unknown status", input: "status:open", expected: {}, notices: ["solved or unsolved"] },
  {
    name: "uses the last of two conflicting statuses",
    input: "status:solved status:unsolved",
    expected: { filters: { status: "unsolved" } },
    notices: ["last one is used"],
  },
  {
    name: "restricts to titles",
    input: "IN:Title metallb",
    expected: { terms: ["metallb"], filters: { inTitle: true } },
  },
  {
    name: "ignores in: with anything but title",
    input: "in:body",
    expected: {},
    notices: ["only supports in:title"],
  },
  {
    name: "reads before and after as UTC days",
    input: "after:2026-01-01 before:2026-12-31",
    expected: { filters: { after: day("2026-01-01"), before: day("2026-12-31") } },
  },
  {
    name: "ignores a day that does not exist",
    input: "before:2026-02-30",
    expected: {},
    notices: ["not a date"],
  },
  {
    name: "ignores a date in another format",
    input: "after:yesterday",
    expected: {},
    notices: ["not a date"],
  },
  {
    name: "reads operator names case-insensitively",
    input: "TAG:Helm Type:POST",
    expected: { filters: { tag: ["helm"], type: ["post"] } },
  },
  {
    name: "accepts an operator-only query",
    input: "type:topic status:unsolved",
    expected: { filters: { type: ["topic"], status: "unsolved" } },
  },
  { name: "ignores an operator without a value", input: "tag:", expected: {}, notices: ["needs a value"] },
  {
    name: "ignores an operator with an empty quoted value",
    input: 'tag:""',
    expected: {},
    notices: ["needs a value"],
  },
  {
    name: "ignores an unclosed quoted operator value and reads its words",
    input: 'category:"day two',
    expected: { terms: ["day", "two"] },
    notices: ["not closed", "needs a value"],
  },
  {
    name: "ignores an operator value longer than a word may be",
    input: `tag:${"x".repeat(150)}`,
    expected: {},
    notices: ["longer than 100"],
  },
  // Unknown operators and adversarial input
  { name: "searches an unknown operator as words", input: "foo:bar", expected: { terms: ["foo", "bar"] } },
  {
    name: "searches a URL as words",
    input: "https://example.org/path",
    expected: { terms: ["https", "example.org", "path"] },
  },
  { name: "ignores a bare double colon", input: "::", expected: {} },
  { name: "reads a colon-first token as a word", input: ":tag", expected: { terms: ["tag"] } },
  {
    name: "does not let operator names reach the prototype",
    input: "constructor:x __proto__:y toString:z",
    expected: { terms: ["constructor", "x", "proto", "y", "tostring", "z"] },
  },
  { name: "drops tsquery metacharacters", input: "&|!():*<>'\\", expected: {} },
  {
    name: "reads tsquery syntax as words",
    input: "metallb & !bgp | (helm:*) <-> 'x'",
    expected: { terms: ["metallb", "bgp", "helm", "x"] },
  },
  {
    name: "reads an SQL injection attempt as words",
    input: "'; DROP TABLE users; --",
    expected: { terms: ["drop", "table", "users"] },
  },
  {
    name: "drops a word too long to index",
    input: "a".repeat(150),
    expected: {},
    notices: ["longer than 100"],
  },
  {
    name: "truncates a huge single token",
    input: "x".repeat(600),
    expected: { truncated: true },
    notices: ["shortened", "longer than 100"],
  },
];

describe("Search query parser", () => {
  it("covers at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("$name: $input", ({ input, expected, notices = [] }) => {
    const { notices: actualNotices, ...parsed } = parseSearchQuery(input);
    expect(parsed).toEqual({ ...EMPTY, ...expected });
    expect(actualNotices).toHaveLength(notices.length);
    notices.forEach((fragment, index) => {
      expect(actualNotices[index]).toContain(fragment);
    });
  });

  it("cuts an overlong query at a word boundary and says so", () => {
    const words = Array.from({ length: 150 }, (_, index) => `w${index}`);
    const parsed = parseSearchQuery(words.join(" "));
    expect(parsed.truncated).toBe(true);
    expect(parsed.notices).toEqual([expect.stringContaining(`${MAX_QUERY_LENGTH} characters`)]);
    expect(parsed.terms.join(" ").length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(words.slice(0, parsed.terms.length)).toEqual(parsed.terms);
  });

  it("never throws on arbitrary input", () => {
    const samples = ['"""', '-"', "-", "@", "@@@", 'a:"b', ':"x"', "\uD800", "tag:\uDFFF", "\u202Eevil"];
    for (const sample of samples) expect(() => parseSearchQuery(sample)).not.toThrow();
  });

  it("only ever yields clean words, phrases and filter values", () => {
    const word = /^[\p{L}\p{M}\p{N}]+(?:[-._][\p{L}\p{M}\p{N}]+)*$/u;
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 700 }), (raw) => {
        const parsed = parseSearchQuery(raw);
        for (const term of parsed.terms) expect(term).toMatch(word);
        for (const phrase of [...parsed.phrases, ...parsed.excluded]) {
          for (const part of phrase.split(" ")) expect(part).toMatch(word);
        }
        const values = Object.values({ ...parsed.filters, ...parsed.excludedFilters }).flat();
        for (const value of values) {
          if (typeof value === "string") expect(value).not.toMatch(/[\p{Cc}\p{Cs}]/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("tells whether a query has words to match", () => {
    expect(hasTextCriteria(parseSearchQuery("type:topic"))).toBe(false);
    expect(hasTextCriteria(parseSearchQuery('"exact"'))).toBe(true);
    expect(hasTextCriteria(parseSearchQuery("metallb"))).toBe(true);
  });
});

describe("Truncating at a word boundary", () => {
  it.each([
    { input: "short", limit: 10, output: "short" },
    { input: "alpha beta gamma", limit: 12, output: "alpha beta" },
    { input: "alpha beta gamma", limit: 11, output: "alpha beta" },
    { input: "alpha beta gamma", limit: 10, output: "alpha beta" },
    { input: "abcdefghij", limit: 4, output: "abcd" },
    { input: "🚀🚀🚀🚀", limit: 2, output: "🚀🚀" },
  ])("cuts $input to $limit characters as $output", ({ input, limit, output }) => {
    expect(truncateAtWordBoundary(input, limit)).toBe(output);
  });
});
