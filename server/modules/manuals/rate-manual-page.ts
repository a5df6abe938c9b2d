import type { EntityManager } from "typeorm";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { ManualPage } from "./manual-page.entity.js";
import { type ManualPageFeedback, ManualPageFeedbackEntity } from "./manual-page-feedback.entity.js";

/** Records the viewer's "was this helpful?" for a page, replacing an earlier answer of theirs. */
export async function rateManualPage(
  manager: EntityManager,
  actor: Actor & { personId: string },
  page: ManualPage,
  answer: { helpful: boolean; comment: string | null },
): Promise<ManualPageFeedback> {
  const existing = await manager.findOneBy(ManualPageFeedbackEntity, {
    pageId: page.id,
    personId: actor.personId,
  });
  const feedback = await manager.save(ManualPageFeedbackEntity, {
    ...(existing ?? { pageId: page.id, personId: actor.personId }),
    helpful: answer.helpful,
    comment: answer.comment,
    createdAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "manual.page.rated",
    targetType: "ManualPage",
    targetId: page.id,
    data: { helpful: answer.helpful },
  });
  return feedback;
}
