import { describe, expect, it } from "vitest";
import { mapClaimsToProfile } from "../oidc/claims-mapping.js";
import { DEMO_PEOPLE } from "./demo-people.js";

const ISSUER = "http://localhost:4000/oidc";

describe("Demo people", () => {
  it.each([
    ["Sam Steward", ["steward"], []],
    ["Mona Moderator", ["moderator"], []],
    ["Ada Admin", [], [{ cooperativeSlug: "green-hosting", role: "admin" }]],
    ["Milo Member", [], [{ cooperativeSlug: "campus-cloud", role: "member" }]],
    ["Nia Newcomer", [], []],
  ])("%s maps to the intended hub roles and memberships", (name, hubRoles, memberships) => {
    const person = DEMO_PEOPLE.find((candidate) => candidate.name === name);
    expect(person).toBeDefined();
    const profile = mapClaimsToProfile({ ...person, iss: ISSUER });
    expect(profile).toMatchObject({ hubRoles, memberships, handle: person?.preferred_username });
  });

  it("have distinct subjects, emails and handles", () => {
    for (const key of ["sub", "email", "preferred_username"] as const) {
      expect(new Set(DEMO_PEOPLE.map((person) => person[key])).size).toBe(DEMO_PEOPLE.length);
    }
  });
});
