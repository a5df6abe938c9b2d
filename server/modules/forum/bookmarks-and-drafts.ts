import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { type ForumBookmark, ForumBookmarkEntity } from "./forum-bookmark.entity.js";
import { type ForumDraft, ForumDraftEntity } from "./forum-draft.entity.js";

/** Bookmarks a post (or updates the note of an existing bookmark). */
export async function bookmarkPost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  postId: string,
  note: string,
): Promise<ForumBookmark> {
  await manager.upsert(
    ForumBookmarkEntity,
    { personId: actor.personId, postId, note, createdAt: actor.now },
    ["personId", "postId"],
  );
  const bookmark = await manager.findOneByOrFail(ForumBookmarkEntity, { personId: actor.personId, postId });
  await recordAuditEvent(manager, actor, {
    action: "forum.bookmark.saved",
    targetType: "ForumPost",
    targetId: postId,
  });
  return bookmark;
}

/** Removes a bookmark; false when there was none. */
export async function removeBookmark(
  manager: EntityManager,
  actor: Actor & { personId: string },
  postId: string,
): Promise<boolean> {
  const result = await manager.delete(ForumBookmarkEntity, { personId: actor.personId, postId });
  const removed = (result.affected ?? 0) > 0;
  if (removed) {
    await recordAuditEvent(manager, actor, {
      action: "forum.bookmark.removed",
      targetType: "ForumPost",
      targetId: postId,
    });
  }
  return removed;
}

/**
 * Saves a draft if the client saw the latest one (`sequence`); a newer save from another tab or device gives
 * CONFLICT with the stored draft, so neither text is lost.
 */
export async function saveDraft(
  manager: EntityManager,
  actor: Actor & { personId: string },
  input: { key: string; title: string | null; markdown: string; sequence: number },
): Promise<ForumDraft> {
  const existing = await manager.findOne(ForumDraftEntity, {
    where: { personId: actor.personId, draftKey: input.key },
    lock: { mode: "pessimistic_write" },
  });
  const current = existing?.sequence ?? 0;
  if (current !== input.sequence) {
    throw conflict("This draft was saved elsewhere since you loaded it", {
      reason: "STALE_DRAFT",
      currentSequence: current,
      currentMarkdown: existing?.markdown ?? null,
    });
  }
  const draft = await manager.save(ForumDraftEntity, {
    ...(existing ?? {}),
    personId: actor.personId,
    draftKey: input.key,
    title: input.title,
    markdown: input.markdown,
    sequence: current + 1,
    updatedAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.draft.saved",
    targetType: "ForumDraft",
    targetId: draft.id,
    data: { key: input.key, sequence: draft.sequence },
  });
  return draft;
}

/** Deletes a draft (after posting, or when discarded); false when there was none. */
export async function deleteDraft(
  manager: EntityManager,
  actor: Actor & { personId: string },
  key: string,
): Promise<boolean> {
  const result = await manager.delete(ForumDraftEntity, { personId: actor.personId, draftKey: key });
  const deleted = (result.affected ?? 0) > 0;
  if (deleted) {
    await recordAuditEvent(manager, actor, {
      action: "forum.draft.deleted",
      targetType: "Person",
      targetId: actor.personId,
      data: { key },
    });
  }
  return deleted;
}
