import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Person } from "../people/person.entity.js";
import type { ManualProposal } from "./manual-proposal.entity.js";

/** A review comment on a change proposal, rendered once through the Markdown pipeline. */
export interface ManualProposalComment {
  id: string;
  proposalId: string;
  authorId: string;
  body: string;
  html: string;
  createdAt: Date;
  proposal?: ManualProposal;
  author?: Person;
}

export const ManualProposalCommentEntity = new EntitySchema<ManualProposalComment>({
  name: "ManualProposalComment",
  tableName: "manual_proposal_comment",
  columns: {
    id: uuidPrimary,
    proposalId: { type: "uuid", name: "proposal_id" },
    authorId: { type: "uuid", name: "author_id" },
    body: { type: "text" },
    html: { type: "text" },
    createdAt: createdAtColumn,
  },
  indices: [{ name: "manual_proposal_comment_proposal_idx", columns: ["proposalId", "createdAt"] }],
  relations: {
    proposal: belongsTo("ManualProposal", "proposal_id", "manual_proposal_comment_proposal_fkey", "CASCADE"),
    author: belongsTo("Person", "author_id", "manual_proposal_comment_author_fkey", "CASCADE"),
  },
});
