import type { EntityManager } from "typeorm";
import { conflict, forbidden, notFound } from "../../errors.js";
import { generateSecret, hashSecret } from "../../auth/secrets.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { Person } from "../people/person.entity.js";
import { type Invitation, InvitationEntity } from "./invitation.entity.js";
import { type Membership, MembershipEntity, type MembershipRole } from "./membership.entity.js";

/** How long an invitation link stays valid. */
export const INVITATION_LIFETIME_DAYS = 14;

/** Creates an invitation; returns the secret for the link, which is never stored. */
export async function inviteMember(
  manager: EntityManager,
  actor: Actor & { personId: string },
  cooperativeId: string,
  email: string,
  role: MembershipRole,
): Promise<{ invitation: Invitation; secret: string }> {
  const secret = generateSecret("ahi");
  const invitation = await manager.save(InvitationEntity, {
    cooperativeId,
    email,
    role,
    secretHash: hashSecret(secret),
    invitedById: actor.personId,
    expiresAt: new Date(actor.now.getTime() + INVITATION_LIFETIME_DAYS * 86_400_000),
  });
  await recordAuditEvent(manager, actor, {
    action: "invitation.created",
    targetType: "Invitation",
    targetId: invitation.id,
    cooperativeId,
    data: { email, role },
  });
  return { invitation, secret };
}

/**
 * Accepts an invitation. The invitation is bound to an email: only a person signed in with that address
 * (as the identity provider asserts it) may use it, so a leaked link is useless to anyone else.
 */
export async function acceptInvitation(
  manager: EntityManager,
  actor: Actor,
  person: Person,
  lookup: { secret: string } | { invitationId: string },
): Promise<Membership> {
  const invitation = await manager.findOne(InvitationEntity, {
    where: "secret" in lookup ? { secretHash: hashSecret(lookup.secret) } : { id: lookup.invitationId },
    lock: { mode: "pessimistic_write" },
  });
  if (!invitation || invitation.revokedAt) throw notFound("Invitation");
  if (invitation.acceptedAt) throw conflict("This invitation was already used");
  if (invitation.expiresAt.getTime() <= actor.now.getTime()) throw conflict("This invitation has expired");
  if (!person.email || person.email.toLowerCase() !== invitation.email.toLowerCase()) {
    throw forbidden("This invitation was sent to another email address");
  }
  const existing = await manager.findOneBy(MembershipEntity, {
    cooperativeId: invitation.cooperativeId,
    personId: person.id,
  });
  if (existing) throw conflict("You are already a member of this cooperative");
  invitation.acceptedAt = actor.now;
  invitation.acceptedById = person.id;
  await manager.save(InvitationEntity, invitation);
  const membership = await manager.save(MembershipEntity, {
    cooperativeId: invitation.cooperativeId,
    personId: person.id,
    role: invitation.role,
    source: "invitation",
  });
  await recordAuditEvent(manager, actor, {
    action: "invitation.accepted",
    targetType: "Invitation",
    targetId: invitation.id,
    cooperativeId: invitation.cooperativeId,
    data: { membershipId: membership.id, role: invitation.role },
  });
  return membership;
}

/** Revokes an open invitation. */
export async function revokeInvitation(
  manager: EntityManager,
  actor: Actor,
  invitation: Invitation,
): Promise<void> {
  if (invitation.acceptedAt || invitation.revokedAt) throw conflict("This invitation is no longer open");
  invitation.revokedAt = actor.now;
  await manager.save(InvitationEntity, invitation);
  await recordAuditEvent(manager, actor, {
    action: "invitation.revoked",
    targetType: "Invitation",
    targetId: invitation.id,
    cooperativeId: invitation.cooperativeId,
    data: { email: invitation.email },
  });
}
