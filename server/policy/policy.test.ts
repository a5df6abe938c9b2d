import { describe, expect, it } from "vitest";
import type { ViewerIdentity } from "../graphql/context.js";
import type { Person } from "../modules/people/person.entity.js";
import { type Action, Policy } from "./policy.js";

const NOW = new Date("2026-11-25T10:00:00Z");
const COOP = "coop-1";

function viewer(
  overrides: Partial<ViewerIdentity> & { hubRoles?: Person["hubRoles"]; role?: "member" | "admin" } = {},
) {
  const { hubRoles = [], role, ...rest } = overrides;
  const identity: ViewerIdentity = {
    person: { id: "person-1", hubRoles } as Person,
    method: "session",
    scopes: ["read", "write"],
    secondFactorAt: new Date(NOW.getTime() - 60_000),
    memberships: new Map(role ? [[COOP, role]] : []),
    ...rest,
  };
  return new Policy(identity, { now: () => NOW, stepUpMaxAgeMinutes: 15, stepUpUrl: "/auth/login?stepUp=1" });
}

const anonymous = new Policy(null, { now: () => NOW, stepUpMaxAgeMinutes: 15, stepUpUrl: "/x" });

type Case = [
  string,
  Policy,
  Action,
  Record<string, unknown>,
  "allow" | "UNAUTHENTICATED" | "FORBIDDEN" | "STEP_UP_REQUIRED",
];

const CASES: Case[] = [
  ["anyone signed in may apply", viewer(), "cooperative.apply", {}, "allow"],
  ["anonymous may not apply", anonymous, "cooperative.apply", {}, "UNAUTHENTICATED"],
  [
    "a read-only token may not apply",
    viewer({ method: "api_token", scopes: ["read"] }),
    "cooperative.apply",
    {},
    "FORBIDDEN",
  ],
  ["a steward decides applications", viewer({ hubRoles: ["steward"] }), "cooperative.decide", {}, "allow"],
  ["a moderator does not", viewer({ hubRoles: ["moderator"] }), "cooperative.decide", {}, "FORBIDDEN"],
  [
    "an admin manages members",
    viewer({ role: "admin" }),
    "cooperative.manageMembers",
    { cooperativeId: COOP },
    "allow",
  ],
  [
    "a member does not",
    viewer({ role: "member" }),
    "cooperative.manageMembers",
    { cooperativeId: COOP },
    "FORBIDDEN",
  ],
  [
    "an admin of another cooperative does not",
    viewer({ role: "admin" }),
    "cooperative.manageMembers",
    { cooperativeId: "other" },
    "FORBIDDEN",
  ],
  [
    "a member reads members",
    viewer({ role: "member" }),
    "cooperative.readMembers",
    { cooperativeId: COOP },
    "allow",
  ],
  ["a stranger does not", viewer(), "cooperative.readMembers", { cooperativeId: COOP }, "FORBIDDEN"],
  [
    "a cooperative admin reads its audit log",
    viewer({ role: "admin" }),
    "audit.read",
    { cooperativeId: COOP },
    "allow",
  ],
  ["but not the whole log", viewer({ role: "admin" }), "audit.read", {}, "FORBIDDEN"],
  ["a fresh second factor creates tokens", viewer(), "apiToken.create", {}, "allow"],
  [
    "an old one asks for a step-up",
    viewer({ secondFactorAt: new Date(NOW.getTime() - 16 * 60_000) }),
    "apiToken.create",
    {},
    "STEP_UP_REQUIRED",
  ],
  [
    "no second factor asks for a step-up",
    viewer({ secondFactorAt: null }),
    "apiToken.create",
    {},
    "STEP_UP_REQUIRED",
  ],
  ["a token never creates tokens", viewer({ method: "api_token" }), "apiToken.create", {}, "FORBIDDEN"],
  ["only the owner revokes a token", viewer(), "apiToken.revoke", { ownerId: "someone-else" }, "FORBIDDEN"],
];

describe("Policy", () => {
  it.each(CASES)("%s", (_label, policy, action, resource, expected) => {
    if (expected === "allow") {
      expect(policy.can(action, resource)).toBe(true);
      expect(() => policy.authorize(action, resource)).not.toThrow();
    } else {
      expect(policy.can(action, resource)).toBe(false);
      expect(() => policy.authorize(action, resource)).toThrowError(
        expect.objectContaining({ extensions: expect.objectContaining({ code: expected }) }),
      );
    }
  });
});
