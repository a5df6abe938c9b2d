import type { EntityManager } from "typeorm";
import { badUserInput, conflict } from "../../errors.js";
import { renderMarkdown } from "../../markdown/index.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { ManualProposal } from "./manual-proposal.entity.js";
import { type ManualProposalComment, ManualProposalCommentEntity } from "./manual-proposal-comment.entity.js";

/** Adds a review comment (Markdown, rendered once and sanitised) to a proposal that is still open. */
export async function commentOnManualProposal(
  manager: EntityManager,
  actor: Actor & { personId: string },
  proposal: ManualProposal,
  body: string,
  options: { allowDecided?: boolean } = {},
): Promise<ManualProposalComment> {
  if (proposal.status !== "open" && !options.allowDecided)
    throw conflict("This proposal was already decided", { reason: "ALREADY_DECIDED" });
  const rendered = renderMarkdown(body);
  if (!rendered.ok)
    throw badUserInput(rendered.error.message, [{ field: "input.body", message: rendered.error.message }]);
  const comment = await manager.save(ManualProposalCommentEntity, {
    proposalId: proposal.id,
    authorId: actor.personId,
    body,
    html: rendered.html,
    createdAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "manual.proposal.commented",
    targetType: "ManualChangeProposal",
    targetId: proposal.id,
    data: { comment: comment.id },
  });
  return comment;
}
