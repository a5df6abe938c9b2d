import { describe, expect, it } from "vitest";
import type { SearchViewer, SearchVisibility } from "./search-provider.js";
import {
  canSee,
  quoteMeiliValue,
  satisfiedRoles,
  toMeiliVisibilityAttributes,
  visibilityFilterForMeili,
  visibilityWhereSql,
} from "./visibility.js";

const ANONYMOUS: SearchViewer = { signedIn: false, cooperativeIds: [], roles: [] };
const MEMBER: SearchViewer = { personId: "p1", signedIn: true, cooperativeIds: ["coop-a"], roles: [] };
const MODERATOR: SearchViewer = { personId: "p2", signedIn: true, cooperativeIds: [], roles: ["moderator"] };
const STEWARD: SearchViewer = {
  personId: "p3",
  signedIn: true,
  cooperativeIds: ["coop-b"],
  roles: ["steward", "admin"],
};

const PUBLIC: SearchVisibility = { public: true };
const COOP_A: SearchVisibility = { public: false, cooperativeIds: ["coop-a"] };
const MODERATORS: SearchVisibility = { public: true, requiresRole: "moderator" };
const STEWARDS: SearchVisibility = { public: true, requiresRole: "steward" };
const COOP_A_MODERATORS: SearchVisibility = {
  public: false,
  cooperativeIds: ["coop-a"],
  requiresRole: "moderator",
};
const NOBODY: SearchVisibility = { public: false };
const SIGNED_IN: SearchVisibility = { public: false, signedIn: true };

describe("Search visibility", () => {
  it.each([
    { viewer: "anonymous", visibility: "public", expected: true },
    { viewer: "anonymous", visibility: "coop A", expected: false },
    { viewer: "anonymous", visibility: "moderators", expected: false },
    { viewer: "member", visibility: "coop A", expected: true },
    { viewer: "member", visibility: "moderators", expected: false },
    { viewer: "moderator", visibility: "moderators", expected: true },
    { viewer: "moderator", visibility: "stewards", expected: false },
    { viewer: "moderator", visibility: "coop A moderators", expected: false },
    { viewer: "steward", visibility: "moderators", expected: true },
    { viewer: "steward", visibility: "stewards", expected: true },
    { viewer: "steward", visibility: "coop A", expected: false },
    { viewer: "steward", visibility: "nobody", expected: false },
    { viewer: "member", visibility: "nobody", expected: false },
    { viewer: "anonymous", visibility: "signed in", expected: false },
    { viewer: "member", visibility: "signed in", expected: true },
    { viewer: "steward", visibility: "signed in", expected: true },
  ])("$viewer sees a $visibility document: $expected", ({ viewer, visibility, expected }) => {
    const viewers: Record<string, SearchViewer> = {
      anonymous: ANONYMOUS,
      member: MEMBER,
      moderator: MODERATOR,
      steward: STEWARD,
    };
    const visibilities: Record<string, SearchVisibility> = {
      public: PUBLIC,
      "coop A": COOP_A,
      moderators: MODERATORS,
      stewards: STEWARDS,
      "coop A moderators": COOP_A_MODERATORS,
      nobody: NOBODY,
      "signed in": SIGNED_IN,
    };
    expect(canSee(viewers[viewer], visibilities[visibility])).toBe(expected);
  });

  it("lets a steward satisfy moderator requirements and ignores unknown roles", () => {
    expect(satisfiedRoles(STEWARD)).toEqual(["moderator", "steward"]);
    expect(satisfiedRoles({ signedIn: true, cooperativeIds: [], roles: ["admin", "Moderator"] })).toEqual([]);
  });
});

describe("Meilisearch visibility filter", () => {
  it("admits only public, role-free documents for an anonymous viewer", () => {
    expect(visibilityFilterForMeili(ANONYMOUS)).toBe(
      'visibility_public = true AND visibility_role IN ["none"]',
    );
  });

  it("adds the viewer's cooperatives and satisfied roles", () => {
    expect(visibilityFilterForMeili(STEWARD)).toBe(
      '(visibility_public = true OR visibility_signed_in = true OR visibility_cooperatives IN ["coop-b"]) AND visibility_role IN ["none", "moderator", "steward"]',
    );
  });

  it("admits signed-in-only documents to a signed-in viewer without cooperatives", () => {
    expect(visibilityFilterForMeili(MODERATOR)).toBe(
      '(visibility_public = true OR visibility_signed_in = true) AND visibility_role IN ["none", "moderator"]',
    );
  });

  it.each([
    {
      id: 'x"] OR visibility_public = false OR visibility_cooperatives IN ["y',
      quoted: '"x\\"] OR visibility_public = false OR visibility_cooperatives IN [\\"y"',
    },
    { id: "back\\slash", quoted: '"back\\\\slash"' },
    { id: 'trailing\\"', quoted: '"trailing\\\\\\""' },
    { id: "emoji 🚀 and ünïcode", quoted: '"emoji 🚀 and ünïcode"' },
  ])("escapes the cooperative id $id", ({ id, quoted }) => {
    expect(quoteMeiliValue(id)).toBe(quoted);
    const filter = visibilityFilterForMeili({ signedIn: false, cooperativeIds: [id], roles: [] });
    expect(filter).toContain(`IN [${quoted}]`);
    // Outside quoted strings the filter keeps its fixed shape: the id added no operator of its own.
    const unquoted = filter.replace(/"(?:[^"\\]|\\.)*"/gu, '""');
    expect(unquoted).toBe(
      '(visibility_public = true OR visibility_cooperatives IN [""]) AND visibility_role IN [""]',
    );
  });

  it("indexes attributes that the filter understands", () => {
    expect(toMeiliVisibilityAttributes(COOP_A)).toEqual({
      visibility_public: false,
      visibility_signed_in: false,
      visibility_cooperatives: ["coop-a"],
      visibility_role: "none",
    });
    expect(toMeiliVisibilityAttributes(MODERATORS).visibility_role).toBe("moderator");
    expect(toMeiliVisibilityAttributes(SIGNED_IN).visibility_signed_in).toBe(true);
  });
});

describe("PostgreSQL visibility condition", () => {
  it("numbers its placeholders after the caller's parameters", () => {
    const { sql, params } = visibilityWhereSql(MEMBER, 3);
    expect(sql).toBe(
      "((visibility_public OR visibility_cooperative_ids && $4::text[] OR (visibility_signed_in AND $6::boolean)) AND (visibility_role IS NULL OR visibility_role = ANY($5::text[])))",
    );
    expect(params).toEqual([["coop-a"], [], true]);
  });

  it("prefixes columns with a table alias", () => {
    expect(visibilityWhereSql(STEWARD, 0, "d").sql).toContain(
      "d.visibility_public OR d.visibility_cooperative_ids && $1",
    );
    expect(visibilityWhereSql(STEWARD, 0).params).toEqual([["coop-b"], ["moderator", "steward"], true]);
    expect(visibilityWhereSql(ANONYMOUS, 0).params).toEqual([[], [], false]);
  });

  it("passes hostile cooperative ids only as parameters", () => {
    const hostile = ["'); DROP TABLE search_documents; --", "$9", "a'b\\c"];
    const { sql, params } = visibilityWhereSql({ signedIn: false, cooperativeIds: hostile, roles: [] }, 0);
    expect(sql).toBe(visibilityWhereSql(ANONYMOUS, 0).sql);
    expect(params[0]).toEqual(hostile);
  });

  it.each([-1, 1.5, Number.NaN])("rejects the parameter offset %s", (offset) => {
    expect(() => visibilityWhereSql(ANONYMOUS, offset)).toThrow(RangeError);
  });

  it.each(["d; DROP", "D", "1d", ""])("rejects the table alias %j", (alias) => {
    expect(() => visibilityWhereSql(ANONYMOUS, 0, alias)).toThrow(RangeError);
  });
});
