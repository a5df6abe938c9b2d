import type { EntityManager } from "typeorm";
import { badUserInput, conflict, forbidden, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import {
  type ForumDecision,
  ForumDecisionEntity,
  ForumDecisionVoteEntity,
  type ForumDecisionVote,
} from "./forum-decision.entity.js";

export interface NewDecision {
  options: string[];
  quorum: number;
  closesAt: Date;
  allowAlliancePartners: boolean;
}

/** Attaches a decision to a new topic; the deadline must be in the future. */
export async function createDecision(
  manager: EntityManager,
  now: Date,
  topicId: string,
  input: NewDecision,
): Promise<ForumDecision> {
  if (input.closesAt.getTime() <= now.getTime()) {
    throw badUserInput("The deadline must be in the future", [
      { field: "input.decision.closesAt", message: "in the future" },
    ]);
  }
  return manager.save(ForumDecisionEntity, {
    topicId,
    options: input.options,
    quorum: input.quorum,
    closesAt: input.closesAt,
    eligibleTiers: input.allowAlliancePartners ? ["tcc_member", "alliance_partner"] : ["tcc_member"],
  });
}

/** Whether the decision's deadline has passed (by the injected clock). */
export const isClosed = (decision: ForumDecision, now: Date) => now.getTime() >= decision.closesAt.getTime();

/** Tallies, quorum and outcome of a decision from its votes. */
export function tally(decision: ForumDecision, votes: readonly ForumDecisionVote[], now: Date) {
  const counts = decision.options.map((option, index) => ({
    option,
    votes: votes.filter((vote) => vote.optionIndex === index).length,
  }));
  const quorumReached = votes.length >= decision.quorum;
  const best = Math.max(0, ...counts.map((count) => count.votes));
  const leaders = counts.filter((count) => count.votes === best);
  const outcome = isClosed(decision, now) && quorumReached && leaders.length === 1 ? leaders[0].option : null;
  return { results: counts, quorumReached, outcome, votesCast: votes.length };
}

/**
 * Casts a cooperative's vote: refused after the deadline, twice for one cooperative, for a cooperative that is not
 * approved or not of an eligible tier, or for an option that does not exist.
 */
export async function castVote(
  manager: EntityManager,
  actor: Actor & { personId: string },
  topicId: string,
  vote: { cooperativeId: string; option: number },
): Promise<void> {
  const decision = await manager.findOne(ForumDecisionEntity, {
    where: { topicId },
    lock: { mode: "pessimistic_write" },
  });
  if (!decision) throw notFound("Decision");
  if (isClosed(decision, actor.now)) throw conflict("Voting has closed", { reason: "DEADLINE_PASSED" });
  if (vote.option < 0 || vote.option >= decision.options.length) {
    throw badUserInput("No such option", [
      { field: "input.option", message: `between 0 and ${decision.options.length - 1}` },
    ]);
  }
  const cooperative = await manager.findOneBy(CooperativeEntity, { id: vote.cooperativeId });
  if (cooperative?.status !== "approved" || !decision.eligibleTiers.includes(cooperative.tier)) {
    throw forbidden("This cooperative does not vote in this decision");
  }
  if (await manager.existsBy(ForumDecisionVoteEntity, { topicId, cooperativeId: vote.cooperativeId })) {
    throw conflict("This cooperative has already voted", { reason: "ALREADY_VOTED" });
  }
  await manager.insert(ForumDecisionVoteEntity, {
    topicId,
    cooperativeId: vote.cooperativeId,
    optionIndex: vote.option,
    castById: actor.personId,
    castAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.decision.voted",
    targetType: "ForumTopic",
    targetId: topicId,
    cooperativeId: vote.cooperativeId,
    data: { option: decision.options[vote.option] },
  });
}
