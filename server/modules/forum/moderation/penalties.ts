import type { EntityManager } from "typeorm";
import { conflict, forbidden, HubError } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { type ForumPenalty, ForumPenaltyEntity, type ForumPenaltyKind } from "./forum-penalty.entity.js";
import { escalatedDays, penaltyEnd } from "./penalty-ladder.js";

/** The penalty of `kind` in force for a person now (not lifted, not ended), the longest if several. */
export async function activePenalty(
  manager: EntityManager,
  personId: string,
  kind: ForumPenaltyKind,
  now: Date,
): Promise<ForumPenalty | null> {
  return manager
    .createQueryBuilder(ForumPenaltyEntity, "penalty")
    .where("penalty.person_id = :personId AND penalty.kind = :kind", { personId, kind })
    .andWhere("penalty.lifted_at IS NULL AND penalty.ends_at > :now", { now })
    .orderBy("penalty.ends_at", "DESC")
    .getOne();
}

/** Whether a penalty is in force at `now`. */
export const isActive = (penalty: ForumPenalty, now: Date) =>
  penalty.liftedAt === null && penalty.endsAt.getTime() > now.getTime();

/** Refuses posting to a silenced person: FORBIDDEN naming the reason and the end. */
export async function refuseIfSilenced(manager: EntityManager, personId: string, now: Date): Promise<void> {
  const silence = await activePenalty(manager, personId, "silence", now);
  if (!silence) return;
  const until = silence.endsAt.toISOString();
  throw new HubError("FORBIDDEN", `You are silenced until ${until}: ${silence.reason}`, {
    reason: "SILENCED",
    penaltyReason: silence.reason,
    until,
  });
}

/**
 * Silences or suspends a person. The duration escalates with the number of earlier penalties of the same kind
 * (lifted ones count too: lifting shortens a penalty, it does not erase it) unless the moderator overrides it.
 * Moderators and stewards cannot be penalised, and a person has at most one active penalty of each kind.
 */
export async function imposePenalty(
  manager: EntityManager,
  actor: Actor & { personId: string },
  target: { personId: string; hubRoles: readonly string[] },
  input: { kind: ForumPenaltyKind; reason: string; durationDays: number | null },
): Promise<ForumPenalty> {
  if (target.hubRoles.includes("moderator") || target.hubRoles.includes("steward"))
    throw forbidden("Moderators and stewards cannot be silenced or suspended");
  // Serialises penalties of one person, so two moderators cannot both start one.
  await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`forum-penalty:${target.personId}`]);
  if (await activePenalty(manager, target.personId, input.kind, actor.now))
    throw conflict(`This person already has an active ${input.kind}`, { reason: "ALREADY_PENALIZED" });
  const priorCount = await manager.countBy(ForumPenaltyEntity, {
    personId: target.personId,
    kind: input.kind,
  });
  const durationDays = input.durationDays ?? escalatedDays(input.kind, priorCount);
  const penalty = await manager.save(ForumPenaltyEntity, {
    personId: target.personId,
    kind: input.kind,
    reason: input.reason,
    startsAt: actor.now,
    endsAt: penaltyEnd(actor.now, durationDays),
    durationDays,
    priorCount,
    overridden: input.durationDays !== null,
    imposedById: actor.personId,
    liftedAt: null,
    liftedById: null,
    liftReason: null,
    createdAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: input.kind === "silence" ? "forum.person.silenced" : "forum.person.suspended",
    targetType: "Person",
    targetId: target.personId,
    data: { penaltyId: penalty.id, reason: input.reason, durationDays, priorCount, until: penalty.endsAt },
  });
  return penalty;
}

/** Ends a penalty early; a penalty already lifted or over is a CONFLICT. */
export async function liftPenalty(
  manager: EntityManager,
  actor: Actor & { personId: string },
  penalty: ForumPenalty,
  reason: string | null,
): Promise<ForumPenalty> {
  if (!isActive(penalty, actor.now))
    throw conflict("This penalty is no longer in force", { reason: "NOT_ACTIVE" });
  const lifted = { liftedAt: actor.now, liftedById: actor.personId, liftReason: reason };
  await manager.update(ForumPenaltyEntity, { id: penalty.id }, lifted);
  await recordAuditEvent(manager, actor, {
    action: penalty.kind === "silence" ? "forum.person.unsilenced" : "forum.person.unsuspended",
    targetType: "Person",
    targetId: penalty.personId,
    data: { penaltyId: penalty.id, reason },
  });
  return { ...penalty, ...lifted };
}
