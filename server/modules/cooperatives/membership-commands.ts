import type { EntityManager } from "typeorm";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { PersonEntity } from "../people/person.entity.js";
import {
  type Membership,
  MembershipEntity,
  type MembershipRole,
  type MembershipSource,
} from "./membership.entity.js";

/**
 * Lock order for membership changes: the cooperative's admin memberships are locked (FOR UPDATE) before any
 * row is changed, so two admins leaving at once cannot both pass the "last admin" check.
 */
async function lockAdmins(manager: EntityManager, cooperativeId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    "SELECT id FROM membership WHERE cooperative_id = $1 AND role = 'admin' ORDER BY id FOR UPDATE",
    [cooperativeId],
  );
  return rows.map((row) => row.id);
}

async function refuseLosingLastAdmin(manager: EntityManager, membership: Membership): Promise<void> {
  if (membership.role !== "admin") return;
  const admins = await lockAdmins(manager, membership.cooperativeId);
  if (admins.length <= 1) {
    throw conflict("A cooperative needs at least one admin: make someone else admin first", {
      reason: "LAST_ADMIN",
    });
  }
}

/** Adds an existing person, found by handle, to a cooperative. */
export async function addMember(
  manager: EntityManager,
  actor: Actor,
  cooperativeId: string,
  handle: string,
  role: MembershipRole,
  source: MembershipSource = "manual",
): Promise<Membership> {
  const person = await manager.findOneBy(PersonEntity, { handle });
  if (!person) throw notFound(`Person @${handle}`);
  const existing = await manager.findOneBy(MembershipEntity, { cooperativeId, personId: person.id });
  if (existing) throw conflict(`@${handle} is already a member`);
  const membership = await manager.save(MembershipEntity, {
    cooperativeId,
    personId: person.id,
    role,
    source,
  });
  await recordAuditEvent(manager, actor, {
    action: "membership.added",
    targetType: "Membership",
    targetId: membership.id,
    cooperativeId,
    data: { personId: person.id, handle, role, source },
  });
  return membership;
}

/** Changes a member's role; demoting the last admin is refused. */
export async function changeMemberRole(
  manager: EntityManager,
  actor: Actor,
  membership: Membership,
  role: MembershipRole,
): Promise<Membership> {
  if (membership.role === role) return membership;
  if (role !== "admin") await refuseLosingLastAdmin(manager, membership);
  const from = membership.role;
  membership.role = role;
  const saved = await manager.save(MembershipEntity, membership);
  await recordAuditEvent(manager, actor, {
    action: "membership.role_changed",
    targetType: "Membership",
    targetId: membership.id,
    cooperativeId: membership.cooperativeId,
    data: { personId: membership.personId, from, to: role },
  });
  return saved;
}

/** Removes a membership (an admin removing someone, or a person leaving); the last admin cannot go. */
export async function removeMembership(
  manager: EntityManager,
  actor: Actor,
  membership: Membership,
  reason: "removed" | "left",
): Promise<void> {
  await refuseLosingLastAdmin(manager, membership);
  await manager.delete(MembershipEntity, { id: membership.id });
  await recordAuditEvent(manager, actor, {
    action: reason === "left" ? "membership.left" : "membership.removed",
    targetType: "Membership",
    targetId: membership.id,
    cooperativeId: membership.cooperativeId,
    data: { personId: membership.personId, role: membership.role },
  });
}
