import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import {
  buildApiToken,
  buildCaller,
  buildCooperative,
  buildPerson,
  buildSteward,
} from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const APPLY = `mutation($input: ApplyForCooperativeInput!) { applyForCooperative(input: $input) {
  cooperative { id slug status tier country viewerMembership { role } } } }`;
const APPROVE = `mutation($input: DecideCooperativeInput!) { approveCooperative(input: $input) { cooperative { status tier decisionNote } } }`;
const DECLINE = `mutation($input: DecideCooperativeInput!) { declineCooperative(input: $input) { cooperative { status } } }`;
const DIRECTORY = `query($filter: CooperativeFilter, $after: String, $first: Int) { cooperatives(first: $first, after: $after, filter: $filter) {
  totalCount edges { cursor node { slug status memberCount } } pageInfo { hasNextPage endCursor } } }`;

const application = (slug: string) => ({
  name: "Harbour Cloud Cooperative",
  slug,
  country: "nl",
  website: "https://harbour.example",
  description: "Hosting for port-city NGOs",
  tier: "ALLIANCE_PARTNER",
});

describe("Founding a cooperative", () => {
  it("records an application with the applicant as its first admin, hidden from the directory", async () => {
    const { token } = await buildCaller(hub.database.dataSource);
    const result = await graphql<{ applyForCooperative: { cooperative: Record<string, unknown> } }>(
      hub.url,
      APPLY,
      { input: application("harbour-cloud") },
      { token },
    );
    expect(expectData(result).applyForCooperative.cooperative).toMatchObject({
      slug: "harbour-cloud",
      status: "PENDING",
      country: "NL",
      viewerMembership: { role: "ADMIN" },
    });
    const directory = expectData(
      await graphql<{ cooperatives: { edges: Array<{ node: { slug: string } }> } }>(hub.url, DIRECTORY, {
        first: 100,
      }),
    );
    expect(directory.cooperatives.edges.map((edge) => edge.node.slug)).not.toContain("harbour-cloud");
  });

  it("lets a steward approve it (with a tier) and then lists it; deciding twice is a CONFLICT", async () => {
    const { token } = await buildCaller(hub.database.dataSource);
    const applied = expectData(
      await graphql<{ applyForCooperative: { cooperative: { id: string } } }>(
        hub.url,
        APPLY,
        { input: application("approved-coop") },
        { token },
      ),
    );
    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    const id = applied.applyForCooperative.cooperative.id;
    const approved = expectData(
      await graphql<{ approveCooperative: { cooperative: Record<string, unknown> } }>(
        hub.url,
        APPROVE,
        { input: { id, tier: "TCC_MEMBER", note: "Welcome!" } },
        { token: steward },
      ),
    );
    expect(approved.approveCooperative.cooperative).toEqual({
      status: "APPROVED",
      tier: "TCC_MEMBER",
      decisionNote: "Welcome!",
    });
    const directory = expectData(
      await graphql<{ cooperatives: { edges: Array<{ node: { slug: string; memberCount: number } }> } }>(
        hub.url,
        DIRECTORY,
        { first: 100, filter: { search: "approved-coop" } },
      ),
    );
    expect(directory.cooperatives.edges).toEqual([
      { cursor: expect.any(String), node: { slug: "approved-coop", status: "APPROVED", memberCount: 1 } },
    ]);
    expectErrorCode(await graphql(hub.url, DECLINE, { input: { id } }, { token: steward }), "CONFLICT");
  });

  it("refuses a duplicate slug with CONFLICT", async () => {
    const { token } = await buildCaller(hub.database.dataSource);
    expectData(await graphql(hub.url, APPLY, { input: application("taken-slug") }, { token }));
    expectErrorCode(
      await graphql(hub.url, APPLY, { input: application("taken-slug") }, { token }),
      "CONFLICT",
    );
  });

  it("names every invalid field with BAD_USER_INPUT", async () => {
    const { token } = await buildCaller(hub.database.dataSource);
    const result = await graphql(
      hub.url,
      APPLY,
      {
        input: { ...application("X"), name: "a", country: "Germany", website: "javascript:alert(1)" },
      },
      { token },
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    const fields = problemFields(result);
    expect(fields).toEqual(
      expect.arrayContaining(["input.name", "input.slug", "input.country", "input.website"]),
    );
  });

  it("refuses approval by a non-steward with FORBIDDEN and an unknown cooperative with NOT_FOUND", async () => {
    const { token } = await buildCaller(hub.database.dataSource);
    const cooperative = await buildCooperative(hub.database.dataSource, { status: "pending" });
    expectErrorCode(
      await graphql(
        hub.url,
        APPROVE,
        { input: { id: toGlobalId("Cooperative", cooperative.id) } },
        { token },
      ),
      "FORBIDDEN",
    );
    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    const missing = toGlobalId("Cooperative", "00000000-0000-4000-8000-000000000000");
    expectErrorCode(
      await graphql(hub.url, APPROVE, { input: { id: missing } }, { token: steward }),
      "NOT_FOUND",
    );
  });

  it("shows pending applications only to stewards", async () => {
    await buildCooperative(hub.database.dataSource, { status: "pending", slug: "pending-visible" });
    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    const { token } = await buildCaller(hub.database.dataSource);
    const filter = { status: "PENDING", search: "pending-visible" };
    const asSteward = expectData(
      await graphql<{ cooperatives: { totalCount: number } }>(
        hub.url,
        DIRECTORY,
        { filter },
        { token: steward },
      ),
    );
    expect(asSteward.cooperatives.totalCount).toBe(1);
    const asMember = expectData(
      await graphql<{ cooperatives: { totalCount: number } }>(hub.url, DIRECTORY, { filter }, { token }),
    );
    expect(asMember.cooperatives.totalCount).toBe(0);
    expectErrorCode(await graphql(hub.url, DIRECTORY, { filter }), "UNAUTHENTICATED");
  });
});

describe("The cooperative directory", () => {
  it("paginates by name with opaque cursors and no duplicates", async () => {
    for (let index = 0; index < 5; index += 1)
      await buildCooperative(hub.database.dataSource, { name: `Paged ${index}`, slug: `paged-${index}` });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        cooperatives: {
          edges: Array<{ node: { slug: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = expectData(await graphql(hub.url, DIRECTORY, { first: 2, after, filter: { search: "paged-" } }));
      seen.push(...page.cooperatives.edges.map((edge) => edge.node.slug));
      after = page.cooperatives.pageInfo.hasNextPage ? page.cooperatives.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(["paged-0", "paged-1", "paged-2", "paged-3", "paged-4"]);
  });

  it("refuses a malformed cursor with BAD_USER_INPUT", async () => {
    expectErrorCode(await graphql(hub.url, DIRECTORY, { after: "not-a-cursor" }), "BAD_USER_INPUT");
  });

  it("answers NOT_FOUND-free null for an unknown slug", async () => {
    const data = expectData(
      await graphql<{ cooperative: unknown }>(hub.url, `{ cooperative(slug: "nope-nope") { id } }`),
    );
    expect(data.cooperative).toBeNull();
  });
});

describe("Updating a cooperative", () => {
  const UPDATE = `mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { name website } } }`;

  it("lets an admin change the profile and records the change in the audit log", async () => {
    const admin = await buildPerson(hub.database.dataSource);
    const cooperative = await buildCooperative(hub.database.dataSource, { admins: [admin] });
    const token = await buildApiToken(hub.database.dataSource, admin);
    const id = toGlobalId("Cooperative", cooperative.id);
    const data = expectData(
      await graphql<{ updateCooperative: { cooperative: unknown } }>(
        hub.url,
        UPDATE,
        { input: { id, name: "Renamed Co-op", website: null } },
        { token },
      ),
    );
    expect(data.updateCooperative.cooperative).toEqual({ name: "Renamed Co-op", website: null });
    const audit = expectData(
      await graphql<{
        auditEvents: {
          edges: Array<{ node: { action: string; data: { changed: Record<string, unknown> } } }>;
        };
      }>(
        hub.url,
        `query($filter: AuditEventFilter) { auditEvents(filter: $filter) { edges { node { action data } } } }`,
        { filter: { cooperativeId: id } },
        { token },
      ),
    );
    expect(audit.auditEvents.edges[0]?.node.action).toBe("cooperative.updated");
    expect(audit.auditEvents.edges[0]?.node.data.changed).toHaveProperty("name");
  });

  it("refuses a member who is not admin and bad input", async () => {
    const member = await buildPerson(hub.database.dataSource);
    const admin = await buildPerson(hub.database.dataSource);
    const cooperative = await buildCooperative(hub.database.dataSource, {
      admins: [admin],
      members: [member],
    });
    const id = toGlobalId("Cooperative", cooperative.id);
    expectErrorCode(
      await graphql(
        hub.url,
        UPDATE,
        { input: { id, name: "Mine" } },
        { token: await buildApiToken(hub.database.dataSource, member) },
      ),
      "FORBIDDEN",
    );
    expectErrorCode(
      await graphql(
        hub.url,
        UPDATE,
        { input: { id, country: "XYZ" } },
        { token: await buildApiToken(hub.database.dataSource, admin) },
      ),
      "BAD_USER_INPUT",
    );
    expectErrorCode(
      await graphql(
        hub.url,
        UPDATE,
        { input: { id: "bogus", name: "x" } },
        { token: await buildApiToken(hub.database.dataSource, admin) },
      ),
      "BAD_USER_INPUT",
    );
  });
});
