import { EntitySchema } from "typeorm";
import { timestampColumn } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/**
 * A cooperative decision attached to a topic in a decision category: options, a quorum of cooperatives and a
 * deadline. Each eligible cooperative casts one vote through one of its admins.
 */
export interface ForumDecision {
  topicId: string;
  options: string[];
  /** How many cooperatives must vote for the result to count. */
  quorum: number;
  closesAt: Date;
  /** Cooperative tiers that may vote (TCC members by default; a category may admit alliance partners). */
  eligibleTiers: string[];
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
}

export const ForumDecisionEntity = new EntitySchema<ForumDecision>({
  name: "ForumDecision",
  tableName: "forum_decision",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    options: { type: "text", array: true },
    quorum: { type: "integer" },
    closesAt: timestampColumn("closes_at"),
    eligibleTiers: { type: "text", name: "eligible_tiers", array: true, default: () => "'{tcc_member}'" },
  },
  checks: [{ name: "forum_decision_quorum_check", expression: "quorum > 0" }],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_decision_topic_fkey", "CASCADE"),
  },
});

/** One cooperative's vote: the primary key makes a second vote impossible. */
export interface ForumDecisionVote {
  topicId: string;
  cooperativeId: string;
  optionIndex: number;
  castById: string;
  castAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
  cooperative?: unknown;
  castBy?: unknown;
}

export const ForumDecisionVoteEntity = new EntitySchema<ForumDecisionVote>({
  name: "ForumDecisionVote",
  tableName: "forum_decision_vote",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    cooperativeId: { type: "uuid", name: "cooperative_id", primary: true },
    optionIndex: { type: "integer", name: "option_index" },
    castById: { type: "uuid", name: "cast_by_id" },
    castAt: timestampColumn("cast_at"),
  },
  checks: [{ name: "forum_decision_vote_option_check", expression: "option_index >= 0" }],
  relations: {
    topic: belongsTo("ForumDecision", "topic_id", "forum_decision_vote_decision_fkey", "CASCADE"),
    cooperative: belongsTo(
      "Cooperative",
      "cooperative_id",
      "forum_decision_vote_cooperative_fkey",
      "CASCADE",
    ),
    castBy: belongsTo("Person", "cast_by_id", "forum_decision_vote_cast_by_fkey"),
  },
});
