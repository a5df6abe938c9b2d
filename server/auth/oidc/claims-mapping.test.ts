import { describe, expect, it } from "vitest";
import { ALLIANCE_ACR_MFA, ALLIANCE_ACR_PASSWORD } from "./acr-values.js";
import { ClaimsRejected } from "./claims-mapping-error.js";
import { type ClaimsMappingOptions, mapClaimsToProfile } from "./claims-mapping.js";

const ISSUER = "https://id.alliance.example/realms/alliance";

const claimsOf = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: "person-1",
  iss: ISSUER,
  email: "ada@green-hosting.example",
  email_verified: true,
  name: "Ada Admin",
  preferred_username: "ada",
  groups: [],
  amr: ["pwd"],
  acr: ALLIANCE_ACR_PASSWORD,
  auth_time: 1_790_000_000,
  ...overrides,
});

describe("Claims mapping: identity", () => {
  it("keeps subject, issuer, email, name and auth time", () => {
    const profile = mapClaimsToProfile(claimsOf());
    expect(profile).toMatchObject({
      subject: "person-1",
      issuer: ISSUER,
      email: "ada@green-hosting.example",
      emailVerified: true,
      name: "Ada Admin",
      handle: "ada",
      authTime: new Date(1_790_000_000_000),
    });
  });

  it.each([
    ["preferred_username wins", { preferred_username: "Ada.Lovelace" }, "ada-lovelace"],
    ["email local part when no username", { preferred_username: undefined }, "ada"],
    [
      "stable fallback without either",
      { preferred_username: undefined, email: undefined },
      /^user-[0-9a-f]{6}$/,
    ],
  ])("derives the handle: %s", (_case, overrides, expected) => {
    const handle = mapClaimsToProfile(claimsOf(overrides)).handle;
    if (typeof expected === "string") expect(handle).toBe(expected);
    else expect(handle).toMatch(expected);
  });

  it("builds a name from given and family names when name is absent", () => {
    const profile = mapClaimsToProfile(
      claimsOf({ name: undefined, given_name: "Ada", family_name: "Admin" }),
    );
    expect(profile.name).toBe("Ada Admin");
    expect(mapClaimsToProfile(claimsOf({ name: undefined })).name).toBeNull();
  });

  it("reports unknown email verification and missing auth time as null", () => {
    const profile = mapClaimsToProfile(
      claimsOf({ email_verified: undefined, auth_time: undefined, acr: undefined }),
    );
    expect(profile).toMatchObject({ emailVerified: null, authTime: null, acr: null });
  });

  it.each([
    ["sub", "missing_subject"],
    ["iss", "missing_issuer"],
  ])("rejects claims without %s", (claim, reason) => {
    const claims = claimsOf({ [claim]: "  " });
    expect(() => mapClaimsToProfile(claims)).toThrow(ClaimsRejected);
    expect(() => mapClaimsToProfile(claims)).toThrow(expect.objectContaining({ reason }));
  });
});

describe("Claims mapping: roles and memberships", () => {
  it.each<[string, unknown, string[], { cooperativeSlug: string; role: string }[]]>([
    ["steward", ["alliance-stewards"], ["steward"], []],
    ["moderator", ["alliance-moderators"], ["moderator"], []],
    ["both hub roles", ["alliance-moderators", "alliance-stewards"], ["steward", "moderator"], []],
    [
      "cooperative admin",
      ["coop:green-hosting:admin"],
      [],
      [{ cooperativeSlug: "green-hosting", role: "admin" }],
    ],
    [
      "cooperative member",
      ["coop:campus-cloud:member"],
      [],
      [{ cooperativeSlug: "campus-cloud", role: "member" }],
    ],
    [
      "admin wins over member in one cooperative",
      ["coop:green-hosting:member", "coop:green-hosting:admin"],
      [],
      [{ cooperativeSlug: "green-hosting", role: "admin" }],
    ],
    [
      "Keycloak full paths",
      ["/coop:campus-cloud:member"],
      [],
      [{ cooperativeSlug: "campus-cloud", role: "member" }],
    ],
    ["a lone string", "alliance-stewards", ["steward"], []],
    [
      "unknown roles and malformed slugs ignored",
      ["coop:green-hosting:owner", "coop:Bad_Slug:admin", 42],
      [],
      [],
    ],
  ])("maps groups of a %s", (_case, groups, hubRoles, memberships) => {
    const profile = mapClaimsToProfile(claimsOf({ groups }));
    expect(profile.hubRoles).toEqual(hubRoles);
    expect(profile.memberships).toEqual(memberships);
  });

  it("returns null memberships when the groups claim is absent", () => {
    const profile = mapClaimsToProfile(claimsOf({ groups: undefined }));
    expect(profile.memberships).toBeNull();
    expect(profile.hubRoles).toEqual([]);
  });

  it("honours a custom claim name, group names and pattern", () => {
    const options: ClaimsMappingOptions = {
      groupsClaim: "roles",
      stewardGroup: "stewards",
      moderatorGroup: "mods",
      cooperativeGroupPattern: "/coops/{slug}/{role}",
    };
    const profile = mapClaimsToProfile(
      claimsOf({ groups: ["alliance-stewards"], roles: ["stewards", "coops/green-hosting/admin", "mods"] }),
      options,
    );
    expect(profile.hubRoles).toEqual(["steward", "moderator"]);
    expect(profile.memberships).toEqual([{ cooperativeSlug: "green-hosting", role: "admin" }]);
  });

  it("treats options passed as undefined as unset", () => {
    const profile = mapClaimsToProfile(claimsOf({ groups: ["alliance-stewards"] }), {
      stewardGroup: undefined,
    });
    expect(profile.hubRoles).toEqual(["steward"]);
  });

  it("rejects a pattern without both placeholders", () => {
    expect(() => mapClaimsToProfile(claimsOf(), { cooperativeGroupPattern: "coop:{slug}" })).toThrow(
      expect.objectContaining({ reason: "invalid_group_pattern" }),
    );
  });
});

describe("Claims mapping: second factor", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["password only", { amr: ["pwd"], acr: ALLIANCE_ACR_PASSWORD }, false],
    ["one-time code", { amr: ["pwd", "otp"], acr: ALLIANCE_ACR_PASSWORD }, true],
    ["hardware key", { amr: ["hwk"], acr: undefined }, true],
    ["totp", { amr: ["totp"] }, true],
    ["sms", { amr: ["sms"] }, true],
    ["mfa acr without amr", { amr: undefined, acr: ALLIANCE_ACR_MFA }, true],
    ["no amr, no acr", { amr: undefined, acr: undefined }, false],
  ])("%s", (_case, overrides, mfa) => {
    expect(mapClaimsToProfile(claimsOf(overrides)).mfa).toBe(mfa);
  });

  it("keeps only string authentication methods", () => {
    expect(mapClaimsToProfile(claimsOf({ amr: ["pwd", 7, "otp"] })).authMethods).toEqual(["pwd", "otp"]);
  });

  it("accepts a provider's own mfa acr values", () => {
    const claims = claimsOf({ amr: undefined, acr: "gold" });
    expect(mapClaimsToProfile(claims).mfa).toBe(false);
    expect(mapClaimsToProfile(claims, { mfaAcrValues: ["gold"] }).mfa).toBe(true);
  });
});
