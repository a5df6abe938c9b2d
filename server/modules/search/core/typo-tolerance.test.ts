import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./query-parser.js";
import {
  buildPrefixTsquery,
  chooseTrigramTerms,
  excludedTsquery,
  phraseToTsquery,
  quoteLexeme,
  shouldUseTrigramFallback,
  termToPrefixTsquery,
} from "./typo-tolerance.js";

describe("Prefix tsquery construction", () => {
  it.each([
    { term: "metal", tsquery: "'metal':*" },
    { term: "MetalLB", tsquery: "'metallb':*" },
    { term: "k8", tsquery: "'k8'" },
    { term: "kube-proxy", tsquery: "('kube':* & 'proxy':*)" },
    { term: "v1.31", tsquery: "('v1' & '31')" },
    { term: "a&b|c", tsquery: "('a' & 'b' & 'c')" },
    { term: "o'reilly", tsquery: "('o' & 'reilly':*)" },
    { term: "кластер", tsquery: "'кластер':*" },
    { term: "&|!():*<>'\\", tsquery: undefined },
  ])("turns $term into $tsquery", ({ term, tsquery }) => {
    expect(termToPrefixTsquery(term)).toBe(tsquery);
  });

  it("quotes lexemes with doubled single quotes and escaped backslashes", () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme("a\\b")).toBe("'a\\\\b'");
  });

  it("joins phrase words with the followed-by operator", () => {
    expect(phraseToTsquery("control plane")).toBe("('control' <-> 'plane')");
    expect(phraseToTsquery("etcd")).toBe("'etcd'");
    expect(phraseToTsquery("!!")).toBeUndefined();
  });

  it("combines terms, phrases and exclusions", () => {
    const query = parseSearchQuery('metal "layer 2" -bgp -"old way" tag:x');
    expect(buildPrefixTsquery(query)).toBe("'metal':* & ('layer' <-> '2') & !'bgp' & !('old' <-> 'way')");
    expect(excludedTsquery(query)).toBe("'bgp' | ('old' <-> 'way')");
  });

  it("has nothing to match for an operator-only query", () => {
    expect(buildPrefixTsquery(parseSearchQuery("type:topic -bgp"))).toBeUndefined();
    expect(excludedTsquery(parseSearchQuery("type:topic"))).toBeUndefined();
  });

  it("never lets a metacharacter outside a quoted lexeme", () => {
    const tsquery = buildPrefixTsquery(parseSearchQuery("x&y z|w !a (b) c:* <d> 'e' \\f -g\\'")) ?? "";
    const outsideQuotes = tsquery.replace(/'(?:[^']|'')*'/gu, "L");
    expect(outsideQuotes).toMatch(/^[L:*&!|()<\-> ]+$/u);
    expect(outsideQuotes).toBe("L & L & L & L & L & L & L & L & L & L & !L");
  });
});

/** The tsquery grammar `buildPrefixTsquery` may produce, with every quoted lexeme replaced by `L`. */
const ATOM = "L(?::\\*)?";
const GROUP = `\\(${ATOM}(?: (?:&|<->) ${ATOM})+\\)`;
const OPERAND = `!?(?:${ATOM}|${GROUP})`;
const TSQUERY_SHAPE = new RegExp(`^${OPERAND}(?: & ${OPERAND})*$`, "u");
const QUOTED_LEXEME = /'(?:[^'\\]|''|\\\\)*'/gu;

/** Query text rich in operators, quotes and metacharacters. */
const HOSTILE_QUERY = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        ..."&|!():*<>'\\\"- @,.\u0000é🚀к1".split(""),
        "tag:",
        '-"',
        "<->",
        "o'reilly",
        "metal",
      ),
      {
        maxLength: 40,
      },
    )
    .map((pieces) => pieces.join("")),
);

describe("Prefix tsquery construction on hostile input", () => {
  it("always produces a well-formed tsquery (also checked against PostgreSQL during development)", () => {
    fc.assert(
      fc.property(HOSTILE_QUERY, (raw) => {
        const tsquery = buildPrefixTsquery(parseSearchQuery(raw));
        if (tsquery !== undefined) expect(tsquery.replace(QUOTED_LEXEME, "L")).toMatch(TSQUERY_SHAPE);
      }),
      { numRuns: 500 },
    );
  });
});

describe("Trigram fallback terms", () => {
  it("keeps long, non-numeric terms, longest first, without duplicates", () => {
    expect(chooseTrigramTerms(["kubeam", "k8s", "1.31", "metallb", "KUBEAM", "2026-10"])).toEqual([
      "metallb",
      "kubeam",
    ]);
  });

  it("keeps at most five terms", () => {
    expect(chooseTrigramTerms(["aaaa", "bbbbb", "cccccc", "ddddddd", "eeeeeeee", "fffffffff"])).toEqual([
      "fffffffff",
      "eeeeeeee",
      "ddddddd",
      "cccccc",
      "bbbbb",
    ]);
  });

  it("falls back only when full-text search found nothing and a term qualifies", () => {
    expect(shouldUseTrigramFallback(parseSearchQuery("kubeam"), 0)).toBe(true);
    expect(shouldUseTrigramFallback(parseSearchQuery("kubeam"), 3)).toBe(false);
    expect(shouldUseTrigramFallback(parseSearchQuery("k8s tag:x"), 0)).toBe(false);
  });
});
