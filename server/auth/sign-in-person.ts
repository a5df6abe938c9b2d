import type { EntityManager } from "typeorm";
import { type Actor, recordAuditEvent } from "../modules/audit/record-audit-event.js";
import { CooperativeEntity } from "../modules/cooperatives/cooperative.entity.js";
import { MembershipEntity, type MembershipRole } from "../modules/cooperatives/membership.entity.js";
import { type HubRole, type Person, PersonEntity } from "../modules/people/person.entity.js";

/** What the hub takes from the identity provider's claims at each sign-in. */
export interface IdentityProfile {
  issuer: string;
  subject: string;
  email: string | null;
  name: string;
  handle: string;
  hubRoles: HubRole[];
  /** From the groups claim; null when the provider sent no groups, so memberships are left alone. */
  memberships: Array<{ cooperativeSlug: string; role: MembershipRole }> | null;
}

async function uniqueHandle(
  manager: EntityManager,
  wanted: string,
  personId: string | undefined,
): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const candidate = attempt === 0 ? wanted : `${wanted.slice(0, 28)}-${attempt + 1}`;
    const owner = await manager.findOneBy(PersonEntity, { handle: candidate });
    if (!owner || owner.id === personId) return candidate;
  }
  return `${wanted.slice(0, 20)}-${Date.now().toString(36)}`;
}

/**
 * Keeps memberships that came from the groups claim in line with it: adds and updates those it names (for
 * cooperatives that exist) and removes earlier ones it no longer names. Memberships made on the hub stay.
 */
async function syncMemberships(
  manager: EntityManager,
  actor: Actor,
  person: Person,
  wanted: NonNullable<IdentityProfile["memberships"]>,
): Promise<void> {
  const slugs = wanted.map((membership) => membership.cooperativeSlug);
  const cooperatives = slugs.length
    ? await manager
        .createQueryBuilder(CooperativeEntity, "cooperative")
        .where("cooperative.slug IN (:...slugs)", { slugs })
        .getMany()
    : [];
  const wantedRoles = new Map<string, MembershipRole>();
  for (const membership of wanted) {
    const cooperative = cooperatives.find((candidate) => candidate.slug === membership.cooperativeSlug);
    if (cooperative) wantedRoles.set(cooperative.id, membership.role);
  }
  const existing = await manager.findBy(MembershipEntity, { personId: person.id });
  for (const membership of existing) {
    const role = wantedRoles.get(membership.cooperativeId);
    if (role === undefined && membership.source === "oidc") {
      await manager.delete(MembershipEntity, { id: membership.id });
      await recordAuditEvent(manager, actor, {
        action: "membership.removed_by_identity_provider",
        targetType: "Membership",
        targetId: membership.id,
        cooperativeId: membership.cooperativeId,
        data: { personId: person.id },
      });
    } else if (role !== undefined && role !== membership.role) {
      await manager.update(MembershipEntity, { id: membership.id }, { role, source: "oidc" });
      await recordAuditEvent(manager, actor, {
        action: "membership.role_changed_by_identity_provider",
        targetType: "Membership",
        targetId: membership.id,
        cooperativeId: membership.cooperativeId,
        data: { personId: person.id, from: membership.role, to: role },
      });
    }
    wantedRoles.delete(membership.cooperativeId);
  }
  for (const [cooperativeId, role] of wantedRoles) {
    const created = await manager.save(MembershipEntity, {
      cooperativeId,
      personId: person.id,
      role,
      source: "oidc",
    });
    await recordAuditEvent(manager, actor, {
      action: "membership.added_by_identity_provider",
      targetType: "Membership",
      targetId: created.id,
      cooperativeId,
      data: { personId: person.id, role },
    });
  }
}

/** Creates or updates the person behind a sign-in, in the caller's transaction. */
export async function signInPerson(
  manager: EntityManager,
  profile: IdentityProfile,
  context: { now: Date; requestId: string | null },
): Promise<Person> {
  const existing = await manager.findOne(PersonEntity, {
    where: { issuer: profile.issuer, subject: profile.subject },
    lock: { mode: "pessimistic_write" },
  });
  const handle = existing?.handle ?? (await uniqueHandle(manager, profile.handle, existing?.id));
  const person = await manager.save(PersonEntity, {
    ...existing,
    issuer: profile.issuer,
    subject: profile.subject,
    email: profile.email,
    name: profile.name,
    handle,
    hubRoles: profile.hubRoles,
    lastSignInAt: context.now,
  });
  const actor: Actor = { personId: person.id, requestId: context.requestId, now: context.now };
  if (!existing) {
    await recordAuditEvent(manager, actor, {
      action: "person.created",
      targetType: "Person",
      targetId: person.id,
      data: { handle, hubRoles: profile.hubRoles },
    });
  } else if (existing.hubRoles.join() !== profile.hubRoles.join()) {
    await recordAuditEvent(manager, actor, {
      action: "person.hub_roles_changed",
      targetType: "Person",
      targetId: person.id,
      data: { from: existing.hubRoles, to: profile.hubRoles },
    });
  }
  if (profile.memberships) await syncMemberships(manager, actor, person, profile.memberships);
  return person;
}
