import { buildSchema } from "graphql";
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTypeDefs } from "../server/graphql/schema.js";
import { buildCaller } from "./support/factories.js";
import { expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
let token: string;
let stewardToken: string;
beforeAll(async () => {
  hub = await startTestHub();
  ({ token } = await buildCaller(hub.database.dataSource));
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
});
afterAll(() => hub.stop());

const NIL_ID = Buffer.from("Cooperative:00000000-0000-4000-8000-000000000000").toString("base64url");

/**
 * Every mutation of the schema with a call that is well-formed GraphQL but bad input. The "covers every mutation"
 * test fails when a mutation is added without an entry, so none escapes the unauthenticated and bad-input checks.
 */
const MUTATIONS: Record<string, { operation: string; badInput: Record<string, unknown> }> = {
  ping: { operation: "mutation { ping }", badInput: {} },
  createApiToken: {
    operation: "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }",
    badInput: { input: { name: "", scopes: [], expiresInDays: 0 } },
  },
  revokeApiToken: {
    operation: "mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  applyForCooperative: {
    operation:
      "mutation($input: ApplyForCooperativeInput!) { applyForCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { name: "x", slug: "Bad Slug", country: "Nowhere", description: "", tier: "VENDOR" } },
  },
  approveCooperative: {
    operation:
      "mutation($input: DecideCooperativeInput!) { approveCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  declineCooperative: {
    operation:
      "mutation($input: DecideCooperativeInput!) { declineCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  updateCooperative: {
    operation:
      "mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  inviteMember: {
    operation: "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl } }",
    badInput: { input: { cooperativeId: "nonsense", email: "x", role: "MEMBER" } },
  },
  acceptInvitation: {
    operation:
      "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }",
    badInput: { input: { secret: "short" } },
  },
  revokeInvitation: {
    operation:
      "mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitationId } }",
    badInput: { input: { id: NIL_ID } },
  },
  addMember: {
    operation: "mutation($input: AddMemberInput!) { addMember(input: $input) { membership { id } } }",
    badInput: { input: { cooperativeId: "nonsense", handle: "x", role: "MEMBER" } },
  },
  changeMemberRole: {
    operation:
      "mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { id } } }",
    badInput: { input: { membershipId: "nonsense", role: "ADMIN" } },
  },
  removeMember: {
    operation: "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId } }",
    badInput: { input: { membershipId: "nonsense" } },
  },
  leaveCooperative: {
    operation:
      "mutation($input: LeaveCooperativeInput!) { leaveCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { cooperativeId: "nonsense" } },
  },
};

const sampleValid = (entry: { badInput: Record<string, unknown> }) => entry.badInput;

describe("GraphQL conventions", () => {
  it("covers every mutation of the schema in the table above", () => {
    const schema = buildSchema(readTypeDefs().join("\n"));
    const names = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(names);
  });

  it.each(Object.entries(MUTATIONS))(
    "refuses %s without credentials with UNAUTHENTICATED",
    async (_name, entry) => {
      const result = await graphql(hub.url, entry.operation, sampleValid(entry));
      const code = result.errors?.[0]?.extensions?.code;
      // Input is validated after authentication, so an anonymous caller learns nothing about the input's validity.
      expect(code, JSON.stringify(result.errors)).toBe("UNAUTHENTICATED");
    },
  );

  it.each(Object.entries(MUTATIONS).filter(([name]) => name !== "ping"))(
    "refuses bad input to %s with a typed error, never an internal one",
    async (name, entry) => {
      // Each caller is allowed to attempt the mutation, so only the input can be at fault.
      const caller = name === "approveCooperative" || name === "declineCooperative" ? stewardToken : token;
      const result = await graphql(hub.url, entry.operation, entry.badInput, { token: caller });
      const code = result.errors?.[0]?.extensions?.code;
      // Tokens may never create tokens (that needs a session with a second factor): FORBIDDEN comes first.
      const expected = name === "createApiToken" ? "FORBIDDEN" : "BAD_USER_INPUT";
      expect(code, JSON.stringify(result.errors)).toBe(expected);
    },
  );

  it("rejects too deep, too costly and alias-heavy queries with QUERY_TOO_COMPLEX", async () => {
    const deep = `{ viewer { memberships { edges { node { cooperative { members { edges { node { cooperative { members { edges { node { id } } } } } } } } } } } } }`;
    expectErrorCode(await graphql(hub.url, deep, {}, { token }), "QUERY_TOO_COMPLEX");
    const aliases = `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: viewer { person { id } }`).join(" ")} }`;
    expectErrorCode(await graphql(hub.url, aliases, {}, { token }), "QUERY_TOO_COMPLEX");
    const costly = `{ cooperatives(first: 100) { edges { node { members(first: 100) { edges { node { person { id handle name } } } } } } } }`;
    expectErrorCode(await graphql(hub.url, costly, {}, { token }), "QUERY_TOO_COMPLEX");
  });

  it("answers syntax errors and unknown fields with request error codes, never internal ones", async () => {
    expectErrorCode(await graphql(hub.url, "{ viewer { "), "GRAPHQL_PARSE_FAILED");
    expectErrorCode(await graphql(hub.url, "{ nothingHere }"), "GRAPHQL_VALIDATION_FAILED");
    expectErrorCode(
      await graphql(hub.url, "query($n: Int) { cooperatives(first: $n) { totalCount } }", { n: "many" }),
      "BAD_USER_INPUT",
    );
  });

  it("refuses a cookie-less cross-site GET without the preflight header (CSRF prevention)", async () => {
    const response = await fetch(`${hub.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
  });

  it("passes the graphql-http GraphQL-over-HTTP audit suite", async () => {
    // Browsers and clients send Apollo's preflight header on GET; the audit's fetch does the same.
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("apollo-require-preflight", "true");
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: `${hub.url}/graphql`, fetchFn });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") failures.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("Introspection", () => {
  it("is on by default outside production", async () => {
    const result = await graphql<{ __schema: { queryType: { name: string } } }>(
      hub.url,
      "{ __schema { queryType { name } } }",
    );
    expect(result.data?.__schema.queryType.name).toBe("Query");
  });

  it("can be switched off", async () => {
    const closed = await startTestHub({ env: { GRAPHQL_INTROSPECTION: "false" } });
    try {
      expectErrorCode(
        await graphql(closed.url, "{ __schema { queryType { name } } }"),
        "GRAPHQL_VALIDATION_FAILED",
      );
    } finally {
      await closed.stop();
    }
  });
});
