import { inTransaction } from "../../db/transaction.js";
import { actorFor } from "../../graphql/actor.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { cutManualRelease } from "./cut-manual-release.js";
import { editManualPage, restoreManualRevision } from "./edit-manual-page.js";
import { authorizeMaintainer } from "./maintainer-access.js";
import { cutInput, editInput, rateInput, restoreInput, setStatusInput } from "./manual-input.js";
import { loadPageContext, loadReleaseContextById, loadRevisionByNumber } from "./manual-lookups.js";
import { rateManualPage } from "./rate-manual-page.js";
import { setReleaseStatus } from "./release-status.js";

/** Maintainers' direct changes (edit, restore, releases) and readers' feedback. */
export const manualEditingResolvers: Resolvers = {
  Mutation: {
    editManualPage: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const edit = validateInput(editInput, input);
      const where = await loadPageContext(context.dataSource.manager, edit.pageId, "input.pageId");
      const baseRevisionId = fromGlobalId(edit.baseRevisionId, "ManualPageRevision", "input.baseRevisionId");
      const viewer = await authorizeMaintainer(context, where.manual.id);
      return inTransaction(context.dataSource, (manager) =>
        editManualPage(manager, actorFor(context, viewer), where, { ...edit, baseRevisionId }),
      );
    },
    restoreManualPageRevision: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { pageId, number } = validateInput(restoreInput, input);
      const where = await loadPageContext(context.dataSource.manager, pageId, "input.pageId");
      const viewer = await authorizeMaintainer(context, where.manual.id);
      return inTransaction(context.dataSource, async (manager) =>
        restoreManualRevision(
          manager,
          actorFor(context, viewer),
          where,
          await loadRevisionByNumber(manager, where.page.id, number),
        ),
      );
    },
    rateManualPage: async (_parent, { input }, context) => {
      const viewer = context.policy.authorize("manual.rate");
      const answer = validateInput(rateInput, input);
      const { page } = await loadPageContext(context.dataSource.manager, answer.pageId, "input.pageId");
      const feedback = await inTransaction(context.dataSource, (manager) =>
        rateManualPage(manager, actorFor(context, viewer), page, answer),
      );
      return { feedback };
    },
    cutManualRelease: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cut = validateInput(cutInput, input);
      const fromId = fromGlobalId(cut.fromReleaseId, "ManualRelease", "input.fromReleaseId");
      const { release: from, manual } = await loadReleaseContextById(context.dataSource.manager, fromId);
      const viewer = await authorizeMaintainer(context, manual.id);
      const release = await inTransaction(context.dataSource, (manager) =>
        cutManualRelease(manager, actorFor(context, viewer), manual, from, cut),
      );
      return { release };
    },
    setManualReleaseStatus: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { releaseId, status } = validateInput(setStatusInput, input);
      const id = fromGlobalId(releaseId, "ManualRelease", "input.releaseId");
      const { release, manual } = await loadReleaseContextById(context.dataSource.manager, id);
      const viewer = await authorizeMaintainer(context, manual.id);
      const updated = await inTransaction(context.dataSource, (manager) =>
        setReleaseStatus(manager, actorFor(context, viewer), release, status),
      );
      return { release: updated };
    },
  },
};
