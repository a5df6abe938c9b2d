import { EntitySchema } from "typeorm";
import { createdAtColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/** Links a manual change proposal to the forum answer it was made from (both ways). */
export interface ForumAnswerProposal {
  proposalId: string;
  postId: string;
  createdById: string;
  createdAt: Date;
  proposal?: unknown;
  post?: unknown;
  createdBy?: unknown;
}

export const ForumAnswerProposalEntity = new EntitySchema<ForumAnswerProposal>({
  name: "ForumAnswerProposal",
  tableName: "forum_answer_proposal",
  columns: {
    proposalId: { type: "uuid", name: "proposal_id", primary: true },
    postId: { type: "uuid", name: "post_id" },
    createdById: { type: "uuid", name: "created_by_id" },
    createdAt: createdAtColumn,
  },
  indices: [{ name: "forum_answer_proposal_post_idx", columns: ["postId"] }],
  relations: {
    proposal: belongsTo("ManualProposal", "proposal_id", "forum_answer_proposal_proposal_fkey", "CASCADE"),
    post: belongsTo("ForumPost", "post_id", "forum_answer_proposal_post_fkey", "CASCADE"),
    createdBy: belongsTo("Person", "created_by_id", "forum_answer_proposal_created_by_fkey"),
  },
});
