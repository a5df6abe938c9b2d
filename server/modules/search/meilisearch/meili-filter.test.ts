import { describe, expect, it } from "vitest";
import type { ParsedSearchQuery } from "../core/parsed-search-query.js";
import { parseSearchQuery } from "../core/query-parser.js";
import type { SearchViewer } from "../core/search-provider.js";
import { meiliFilter, meiliQueryText } from "./meili-filter.js";

const ANONYMOUS: SearchViewer = { signedIn: false, cooperativeIds: [], roles: [] };
const ANONYMOUS_VISIBILITY = `(visibility_public = true AND visibility_role IN ["none"])`;

/** The filter after the viewer's visibility clause, which every expression starts with. */
const filterOf = (raw: string) =>
  meiliFilter(parseSearchQuery(raw), ANONYMOUS).replace(`${ANONYMOUS_VISIBILITY} AND `, "");

describe("meiliFilter", () => {
  it("admits only what the viewer may see: audience alternatives AND a role the viewer holds", () => {
    expect(meiliFilter(parseSearchQuery("x"), ANONYMOUS)).toBe(ANONYMOUS_VISIBILITY);
    expect(
      meiliFilter(parseSearchQuery("x"), {
        signedIn: true,
        cooperativeIds: ["c1", "c2"],
        roles: ["moderator"],
      }),
    ).toBe(
      `((visibility_public = true OR visibility_signed_in = true OR visibility_cooperatives IN ["c1", "c2"]) ` +
        `AND visibility_role IN ["none", "moderator"])`,
    );
  });

  it.each([
    ["type:manual", `type IN ["manual_page"]`],
    ["type:post,topic", `type IN ["post", "topic"]`],
    ["-type:cluster", `type NOT IN ["cluster"]`],
    ['category:"K8s Ops"', `category IN ["k8s-ops"]`],
    ["-category:off-topic", `category NOT IN ["off-topic"]`],
    ["tag:a,b", `tags IN ["a", "b"]`],
    ["-tag:old", `tags NOT IN ["old"]`],
    ["@Ann", `person IN ["ann"]`],
    ["-@bob", `person NOT IN ["bob"]`],
    ["coop:fjord", `cooperative IN ["fjord"]`],
    ["-coop:fjord", `cooperative NOT IN ["fjord"]`],
    ["release:2026.11", `release IN ["2026.11"]`],
    ["-release:2026.04", `release NOT IN ["2026.04"]`],
    ["status:solved", `status = "solved"`],
    ["status:unsolved", `status = "unsolved"`],
    ["before:2026-05-01", `createdAtMs < ${Date.UTC(2026, 4, 1)}`],
    ["after:2026-01-01", `createdAtMs >= ${Date.UTC(2026, 0, 1)}`],
  ])("%s → %s", (raw, expected) => {
    expect(filterOf(raw)).toBe(expected);
  });

  it("joins several operators with AND in a fixed order", () => {
    expect(filterOf("after:2026-01-01 tag:x type:post status:solved")).toBe(
      `type IN ["post"] AND tags IN ["x"] AND status = "solved" AND createdAtMs >= ${Date.UTC(2026, 0, 1)}`,
    );
  });

  it("adds nothing for words, phrases, in:title and unknown operators (they go to q or search options)", () => {
    expect(meiliFilter(parseSearchQuery('kubeadm "exact words" -old in:title foo:bar'), ANONYMOUS)).toBe(
      ANONYMOUS_VISIBILITY,
    );
  });

  it("escapes quotes and backslashes inside values, so a value cannot end its string", () => {
    const query: ParsedSearchQuery = {
      ...parseSearchQuery(""),
      filters: { tag: ['a" OR visibility_public = true OR tags = "b'], category: ["back\\slash"] },
    };
    expect(meiliFilter(query, { signedIn: false, cooperativeIds: ['c"1'], roles: [] })).toBe(
      `((visibility_public = true OR visibility_cooperatives IN ["c\\"1"]) AND visibility_role IN ["none"]) AND ` +
        `category IN ["back\\\\slash"] AND ` +
        `tags IN ["a\\" or visibility_public = true or tags = \\"b"]`,
    );
  });
});

describe("meiliQueryText", () => {
  it("writes words, phrases and exclusions in Meilisearch's syntax, dropping stray quotes", () => {
    expect(meiliQueryText(parseSearchQuery('kubeadm "exact phrase" -old -"two words"'))).toBe(
      'kubeadm "exact phrase" -old -"two words"',
    );
    expect(meiliQueryText({ ...parseSearchQuery(""), phrases: ['say "hi"'], excluded: ['a "b'] })).toBe(
      '"say hi" -"a b"',
    );
  });
});
