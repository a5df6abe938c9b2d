import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "./support/factories.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { membership { id role person { handle } } } }`;
const CHANGE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { role } } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId cooperative { memberCount } } }`;
const LEAVE = `mutation($input: LeaveCooperativeInput!) { leaveCooperative(input: $input) { cooperative { slug } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl invitation { id email role } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { role cooperative { slug } } } }`;
const REVOKE = `mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitationId } }`;

async function cooperativeWithAdmin() {
  const admin = await buildPerson(hub.database.dataSource);
  const cooperative = await buildCooperative(hub.database.dataSource, { admins: [admin] });
  return {
    admin,
    cooperative,
    id: toGlobalId("Cooperative", cooperative.id),
    token: await buildApiToken(hub.database.dataSource, admin),
  };
}

describe("Managing members", () => {
  it("lets an admin add a person by handle, change their role and remove them, all audited", async () => {
    const { id, token } = await cooperativeWithAdmin();
    const newcomer = await buildPerson(hub.database.dataSource);
    const added = expectData(
      await graphql<{ addMember: { membership: { id: string; role: string } } }>(
        hub.url,
        ADD,
        { input: { cooperativeId: id, handle: `@${newcomer.handle}`, role: "MEMBER" } },
        { token },
      ),
    );
    expect(added.addMember.membership.role).toBe("MEMBER");
    const membershipId = added.addMember.membership.id;
    const changed = expectData(
      await graphql<{ changeMemberRole: { membership: { role: string } } }>(
        hub.url,
        CHANGE,
        { input: { membershipId, role: "ADMIN" } },
        { token },
      ),
    );
    expect(changed.changeMemberRole.membership.role).toBe("ADMIN");
    const removed = expectData(
      await graphql<{ removeMember: { cooperative: { memberCount: number } } }>(
        hub.url,
        REMOVE,
        { input: { membershipId } },
        { token },
      ),
    );
    expect(removed.removeMember.cooperative.memberCount).toBe(1);
    const actions = await hub.database.dataSource.query(
      "SELECT action FROM audit_event WHERE target_id = $1 ORDER BY occurred_at",
      [Buffer.from(membershipId, "base64url").toString().split(":")[1]],
    );
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      "membership.added",
      "membership.role_changed",
      "membership.removed",
    ]);
  });

  it("refuses adding someone twice with CONFLICT and an unknown handle with NOT_FOUND", async () => {
    const { id, token } = await cooperativeWithAdmin();
    const person = await buildPerson(hub.database.dataSource);
    expectData(
      await graphql(
        hub.url,
        ADD,
        { input: { cooperativeId: id, handle: person.handle, role: "MEMBER" } },
        { token },
      ),
    );
    expectErrorCode(
      await graphql(
        hub.url,
        ADD,
        { input: { cooperativeId: id, handle: person.handle, role: "MEMBER" } },
        { token },
      ),
      "CONFLICT",
    );
    expectErrorCode(
      await graphql(
        hub.url,
        ADD,
        { input: { cooperativeId: id, handle: "nobody-here", role: "MEMBER" } },
        { token },
      ),
      "NOT_FOUND",
    );
  });

  it("refuses member management by a plain member with FORBIDDEN", async () => {
    const { cooperative, id } = await cooperativeWithAdmin();
    const member = await buildPerson(hub.database.dataSource);
    await hub.database.dataSource.query(
      "INSERT INTO membership (cooperative_id, person_id, role) VALUES ($1, $2, 'member')",
      [cooperative.id, member.id],
    );
    const token = await buildApiToken(hub.database.dataSource, member);
    const other = await buildPerson(hub.database.dataSource);
    expectErrorCode(
      await graphql(
        hub.url,
        ADD,
        { input: { cooperativeId: id, handle: other.handle, role: "ADMIN" } },
        { token },
      ),
      "FORBIDDEN",
    );
  });

  it("never lets the last admin leave or be demoted", async () => {
    const { id, token, cooperative, admin } = await cooperativeWithAdmin();
    const result = await graphql(hub.url, LEAVE, { input: { cooperativeId: id } }, { token });
    expectErrorCode(result, "CONFLICT");
    expect(result.errors?.[0]?.extensions?.reason).toBe("LAST_ADMIN");
    const [membership] = await hub.database.dataSource.query(
      "SELECT id FROM membership WHERE cooperative_id = $1 AND person_id = $2",
      [cooperative.id, admin.id],
    );
    expectErrorCode(
      await graphql(
        hub.url,
        CHANGE,
        { input: { membershipId: toGlobalId("Membership", membership.id), role: "MEMBER" } },
        { token },
      ),
      "CONFLICT",
    );
  });

  it("lets two admins leave concurrently without leaving the cooperative admin-less", async () => {
    const { cooperative, id, token } = await cooperativeWithAdmin();
    const second = await buildPerson(hub.database.dataSource);
    await hub.database.dataSource.query(
      "INSERT INTO membership (cooperative_id, person_id, role) VALUES ($1, $2, 'admin')",
      [cooperative.id, second.id],
    );
    const secondToken = await buildApiToken(hub.database.dataSource, second);
    const results = await Promise.all([
      graphql(hub.url, LEAVE, { input: { cooperativeId: id } }, { token }),
      graphql(hub.url, LEAVE, { input: { cooperativeId: id } }, { token: secondToken }),
    ]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const admins = await hub.database.dataSource.query(
      "SELECT count(*)::int AS n FROM membership WHERE cooperative_id = $1 AND role = 'admin'",
      [cooperative.id],
    );
    expect(admins[0].n).toBe(1);
  });

  it("lets a member leave", async () => {
    const { cooperative, id } = await cooperativeWithAdmin();
    const member = await buildPerson(hub.database.dataSource);
    await hub.database.dataSource.query(
      "INSERT INTO membership (cooperative_id, person_id, role) VALUES ($1, $2, 'member')",
      [cooperative.id, member.id],
    );
    expectData(
      await graphql(
        hub.url,
        LEAVE,
        { input: { cooperativeId: id } },
        { token: await buildApiToken(hub.database.dataSource, member) },
      ),
    );
  });

  it("refuses leaving a cooperative one is not in with FORBIDDEN", async () => {
    const { id } = await cooperativeWithAdmin();
    const stranger = await buildPerson(hub.database.dataSource);
    expectErrorCode(
      await graphql(
        hub.url,
        LEAVE,
        { input: { cooperativeId: id } },
        { token: await buildApiToken(hub.database.dataSource, stranger) },
      ),
      "FORBIDDEN",
    );
  });
});

describe("Invitations", () => {
  it("invites by email; only the person with that email can accept, once", async () => {
    const { id, token } = await cooperativeWithAdmin();
    const invited = await buildPerson(hub.database.dataSource, { email: "Invitee@Example.org" });
    const data = expectData(
      await graphql<{ inviteMember: { invitationUrl: string } }>(
        hub.url,
        INVITE,
        { input: { cooperativeId: id, email: "invitee@example.org", role: "ADMIN" } },
        { token },
      ),
    );
    const secret = decodeURIComponent(data.inviteMember.invitationUrl.split("/invitations/")[1]!);
    const stored = await hub.database.dataSource.query(
      "SELECT secret_hash FROM invitation WHERE email = 'invitee@example.org'",
    );
    expect(stored[0].secret_hash).not.toContain(secret);
    const stranger = await buildPerson(hub.database.dataSource);
    expectErrorCode(
      await graphql(
        hub.url,
        ACCEPT,
        { input: { secret } },
        { token: await buildApiToken(hub.database.dataSource, stranger) },
      ),
      "FORBIDDEN",
    );
    const invitedToken = await buildApiToken(hub.database.dataSource, invited);
    const pending = expectData(
      await graphql<{ viewer: { pendingInvitations: unknown[] } }>(
        hub.url,
        "{ viewer { pendingInvitations { email } } }",
        {},
        { token: invitedToken },
      ),
    );
    expect(pending.viewer.pendingInvitations).toHaveLength(1);
    const accepted = expectData(
      await graphql<{ acceptInvitation: { membership: { role: string } } }>(
        hub.url,
        ACCEPT,
        { input: { secret } },
        { token: invitedToken },
      ),
    );
    expect(accepted.acceptInvitation.membership.role).toBe("ADMIN");
    expectErrorCode(
      await graphql(hub.url, ACCEPT, { input: { secret } }, { token: invitedToken }),
      "CONFLICT",
    );
  });

  it("can be accepted by ID from the invitee's own pending invitations, never by someone else", async () => {
    const { id, token } = await cooperativeWithAdmin();
    const invited = await buildPerson(hub.database.dataSource, { email: "by-id@example.org" });
    const data = expectData(
      await graphql<{ inviteMember: { invitation: { id: string } } }>(
        hub.url,
        INVITE,
        { input: { cooperativeId: id, email: "by-id@example.org", role: "MEMBER" } },
        { token },
      ),
    );
    const invitationId = data.inviteMember.invitation.id;
    const stranger = await buildApiToken(hub.database.dataSource, await buildPerson(hub.database.dataSource));
    expectErrorCode(
      await graphql(hub.url, ACCEPT, { input: { invitationId } }, { token: stranger }),
      "FORBIDDEN",
    );
    const accepted = expectData(
      await graphql<{ acceptInvitation: { membership: { role: string } } }>(
        hub.url,
        ACCEPT,
        { input: { invitationId } },
        { token: await buildApiToken(hub.database.dataSource, invited) },
      ),
    );
    expect(accepted.acceptInvitation.membership.role).toBe("MEMBER");
    expectErrorCode(await graphql(hub.url, ACCEPT, { input: {} }, { token: stranger }), "BAD_USER_INPUT");
  });

  it("revokes an invitation so it cannot be used", async () => {
    const { id, token } = await cooperativeWithAdmin();
    const invited = await buildPerson(hub.database.dataSource, { email: "revoked@example.org" });
    const data = expectData(
      await graphql<{ inviteMember: { invitationUrl: string; invitation: { id: string } } }>(
        hub.url,
        INVITE,
        { input: { cooperativeId: id, email: "revoked@example.org", role: "MEMBER" } },
        { token },
      ),
    );
    expectData(await graphql(hub.url, REVOKE, { input: { id: data.inviteMember.invitation.id } }, { token }));
    const secret = decodeURIComponent(data.inviteMember.invitationUrl.split("/invitations/")[1]!);
    expectErrorCode(
      await graphql(
        hub.url,
        ACCEPT,
        { input: { secret } },
        { token: await buildApiToken(hub.database.dataSource, invited) },
      ),
      "NOT_FOUND",
    );
  });

  it("refuses a malformed email with BAD_USER_INPUT naming the field", async () => {
    const { id, token } = await cooperativeWithAdmin();
    const result = await graphql(
      hub.url,
      INVITE,
      { input: { cooperativeId: id, email: "not an email", role: "MEMBER" } },
      { token },
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.field).toBe("input.email");
  });
});

describe("Member lists and the audit log", () => {
  it("shows members to members and stewards only", async () => {
    const { cooperative } = await cooperativeWithAdmin();
    const query = `{ cooperative(slug: "${cooperative.slug}") { memberCount members { totalCount } } }`;
    const anonymous = expectData(
      await graphql<{ cooperative: { memberCount: number; members: unknown } }>(hub.url, query),
    );
    expect(anonymous.cooperative).toEqual({ memberCount: 1, members: null });
    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    const asSteward = expectData(
      await graphql<{ cooperative: { members: { totalCount: number } } }>(
        hub.url,
        query,
        {},
        { token: steward },
      ),
    );
    expect(asSteward.cooperative.members.totalCount).toBe(1);
  });

  it("lets stewards read the whole audit log and refuses everyone else", async () => {
    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    const all = expectData(
      await graphql<{ auditEvents: { edges: unknown[] } }>(
        hub.url,
        "{ auditEvents(first: 5) { edges { node { action actor { handle } } } } }",
        {},
        { token: steward },
      ),
    );
    expect(all.auditEvents.edges.length).toBeGreaterThan(0);
    const { token } = await cooperativeWithAdmin();
    expectErrorCode(
      await graphql(hub.url, "{ auditEvents { edges { node { action } } } }", {}, { token }),
      "FORBIDDEN",
    );
    expectErrorCode(
      await graphql(hub.url, "{ auditEvents { edges { node { action } } } }"),
      "UNAUTHENTICATED",
    );
  });
});
