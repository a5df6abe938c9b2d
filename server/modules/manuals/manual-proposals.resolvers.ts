import { inTransaction } from "../../db/transaction.js";
import { actorFor } from "../../graphql/actor.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { countChanges, lineDiff, renderDiffHtml } from "../../markdown/index.js";
import { commentOnManualProposal } from "./comment-on-manual-proposal.js";
import { declineManualProposal, mergeManualProposal } from "./decide-manual-proposal.js";
import { authorizeMaintainer, manualResource } from "./maintainer-access.js";
import { ManualChapterEntity } from "./manual-chapter.entity.js";
import { commentInput, declineInput, proposeInput } from "./manual-input.js";
import { loadChapterContext, loadPageContext, loadProposalContext } from "./manual-lookups.js";
import { ManualPageEntity } from "./manual-page.entity.js";
import { ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { ManualProposalCommentEntity } from "./manual-proposal-comment.entity.js";
import { ManualReleaseEntity } from "./manual-release.entity.js";
import { proposeManualChange } from "./propose-manual-change.js";

/** Change proposals: anyone signed in proposes; maintainers comment, merge or decline. */
export const manualProposalResolvers: Resolvers = {
  Mutation: {
    proposeManualChange: async (_parent, { input }, context) => {
      const viewer = context.policy.authorize("manual.propose");
      const proposal = validateInput(proposeInput, input);
      const manager = context.dataSource.manager;
      if (proposal.pageId) {
        const where = await loadPageContext(manager, proposal.pageId, "input.pageId");
        const baseRevisionId = fromGlobalId(
          proposal.baseRevisionId ?? "",
          "ManualPageRevision",
          "input.baseRevisionId",
        );
        const created = await inTransaction(context.dataSource, (transaction) =>
          proposeManualChange(
            transaction,
            actorFor(context, viewer),
            where,
            { kind: "edit", page: where.page, baseRevisionId },
            proposal,
          ),
        );
        return { proposal: created };
      }
      const where = await loadChapterContext(manager, proposal.chapterId ?? "", "input.chapterId");
      const created = await inTransaction(context.dataSource, (transaction) =>
        proposeManualChange(
          transaction,
          actorFor(context, viewer),
          where,
          { kind: "new", slug: proposal.slug as string },
          proposal,
        ),
      );
      return { proposal: created };
    },
    commentOnManualProposal: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { proposalId, body } = validateInput(commentInput, input);
      const { proposal, manual } = await loadProposalContext(
        context.dataSource.manager,
        proposalId,
        "input.proposalId",
      );
      const viewer = context.policy.authorize("manual.comment", {
        ...(await manualResource(context, manual.id)),
        ownerId: proposal.authorId,
      });
      const comment = await inTransaction(context.dataSource, (manager) =>
        commentOnManualProposal(manager, actorFor(context, viewer), proposal, body),
      );
      return { comment, proposal };
    },
    mergeManualProposal: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const where = await loadProposalContext(
        context.dataSource.manager,
        input.proposalId,
        "input.proposalId",
      );
      const viewer = await authorizeMaintainer(context, where.manual.id);
      return inTransaction(context.dataSource, (manager) =>
        mergeManualProposal(manager, actorFor(context, viewer), where, {
          acceptConflict: input.acceptConflict === true,
        }),
      );
    },
    declineManualProposal: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { proposalId, reason } = validateInput(declineInput, input);
      const where = await loadProposalContext(context.dataSource.manager, proposalId, "input.proposalId");
      const viewer = await authorizeMaintainer(context, where.manual.id);
      const proposal = await inTransaction(context.dataSource, (manager) =>
        declineManualProposal(manager, actorFor(context, viewer), where.proposal, reason),
      );
      return { proposal };
    },
  },
  ManualChangeProposal: {
    id: (proposal) => toGlobalId("ManualChangeProposal", proposal.id),
    status: (proposal) => toGraphqlEnum(proposal.status),
    release: (proposal, _args, context) =>
      context.dataSource.manager.findOneByOrFail(ManualReleaseEntity, { id: proposal.releaseId }),
    chapter: (proposal, _args, context) =>
      context.dataSource.manager.findOneByOrFail(ManualChapterEntity, { id: proposal.chapterId }),
    page: (proposal, _args, context) =>
      proposal.pageId
        ? context.dataSource.manager.findOneBy(ManualPageEntity, { id: proposal.pageId })
        : null,
    author: (proposal, _args, context) => context.loaders.personById.load(proposal.authorId),
    decidedBy: (proposal, _args, context) =>
      proposal.decidedById ? context.loaders.personById.load(proposal.decidedById) : null,
    baseRevision: (proposal, _args, context) =>
      proposal.baseRevisionId
        ? context.dataSource.manager.findOneBy(ManualPageRevisionEntity, { id: proposal.baseRevisionId })
        : null,
    mergedRevision: (proposal, _args, context) =>
      proposal.mergedRevisionId
        ? context.dataSource.manager.findOneBy(ManualPageRevisionEntity, { id: proposal.mergedRevisionId })
        : null,
    conflict: async (proposal, _args, context) => {
      if (proposal.status !== "open" || !proposal.pageId) return false;
      const page = await context.dataSource.manager.findOneBy(ManualPageEntity, { id: proposal.pageId });
      return !page || page.archived || page.currentRevisionId !== proposal.baseRevisionId;
    },
    diff: async (proposal, _args, context) => {
      const base = proposal.baseRevisionId
        ? await context.dataSource.manager.findOneBy(ManualPageRevisionEntity, {
            id: proposal.baseRevisionId,
          })
        : null;
      const hunks = lineDiff(base?.markdown ?? "", proposal.markdown);
      return { from: base?.number ?? 0, to: 0, html: renderDiffHtml(hunks), ...countChanges(hunks) };
    },
    comments: (proposal, _args, context) =>
      context.dataSource.manager.find(ManualProposalCommentEntity, {
        where: { proposalId: proposal.id },
        order: { createdAt: "ASC" },
      }),
  },
  ManualProposalComment: {
    id: (comment) => toGlobalId("ManualProposalComment", comment.id),
    author: (comment, _args, context) => context.loaders.personById.load(comment.authorId),
  },
};
