import type { EntityManager } from "typeorm";
import { conflict } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import type { Manual } from "../../manuals/manual.entity.js";
import type { ManualChapter } from "../../manuals/manual-chapter.entity.js";
import type { ManualPage } from "../../manuals/manual-page.entity.js";
import { ManualPageRevisionEntity } from "../../manuals/manual-page-revision.entity.js";
import type { ManualProposal } from "../../manuals/manual-proposal.entity.js";
import type { ManualRelease } from "../../manuals/manual-release.entity.js";
import { proposeManualChange } from "../../manuals/propose-manual-change.js";
import type { ForumPost } from "../forum-post.entity.js";
import type { ForumTopic } from "../forum-topic.entity.js";
import { ForumAnswerProposalEntity } from "./forum-answer-proposal.entity.js";

/** Where the answer goes: an existing page (appended to its current text) or a new page in a chapter. */
export type AnswerDestination =
  | { kind: "edit"; page: ManualPage; chapter: ManualChapter; release: ManualRelease; manual: Manual }
  | {
      kind: "new";
      slug: string;
      title: string;
      chapter: ManualChapter;
      release: ManualRelease;
      manual: Manual;
    };

/**
 * Turns an accepted answer into a manual change proposal through the manuals module's own command (same
 * transaction, same audit event), starting from the answer's Markdown, and records the link both ways.
 */
export async function proposeAnswerForManual(
  manager: EntityManager,
  actor: Actor & { personId: string },
  answer: { topic: ForumTopic; post: ForumPost; url: string },
  destination: AnswerDestination,
): Promise<ManualProposal> {
  const { topic, post, url } = answer;
  if (topic.acceptedPostId !== post.id)
    throw conflict("Only an accepted answer can be proposed for the manual", {
      reason: "NOT_ACCEPTED_ANSWER",
    });
  const message = `From the accepted answer to "${topic.title}" in the forum: ${url}`;
  const where = { manual: destination.manual, release: destination.release, chapter: destination.chapter };
  let proposal: ManualProposal;
  if (destination.kind === "edit") {
    const page = destination.page;
    if (!page.currentRevisionId) throw conflict("This page has no text yet", { reason: "PAGE_EMPTY" });
    const current = await manager.findOneByOrFail(ManualPageRevisionEntity, { id: page.currentRevisionId });
    proposal = await proposeManualChange(
      manager,
      actor,
      where,
      { kind: "edit", page, baseRevisionId: current.id },
      {
        title: current.title,
        summary: current.summary,
        markdown: `${current.markdown.trimEnd()}\n\n${post.markdown.trim()}\n`,
        message,
      },
    );
  } else {
    proposal = await proposeManualChange(
      manager,
      actor,
      where,
      { kind: "new", slug: destination.slug },
      { title: destination.title, summary: "", markdown: `${post.markdown.trim()}\n`, message },
    );
  }
  await manager.insert(ForumAnswerProposalEntity, {
    proposalId: proposal.id,
    postId: post.id,
    createdById: actor.personId,
    createdAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.answer.proposedForManual",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: topic.id, proposalId: proposal.id, manual: destination.manual.slug },
  });
  return proposal;
}
