import type { EntityManager } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { RenderedPost } from "./forum-markdown.js";
import { type ForumPost, ForumPostEntity } from "./forum-post.entity.js";
import { ForumPostRevisionEntity } from "./forum-post-revision.entity.js";
import { indexForumTopic } from "./search/forum-search-source.js";

export interface PostEdit {
  markdown: string;
  rendered: RenderedPost;
  expectedVersion: number;
  reason: string | null;
}

/**
 * Edits a post the caller has locked, if nobody changed it since `expectedVersion`. Otherwise CONFLICT carries both
 * versions (the stored one and the one sent), so the editor can merge and nothing is lost.
 */
export async function editPost(
  manager: EntityManager,
  actor: Actor & { personId: string },
  post: ForumPost,
  edit: PostEdit,
): Promise<ForumPost> {
  if (post.version !== edit.expectedVersion) {
    throw conflict("Someone else edited this post since you started; merge your changes into theirs", {
      reason: "STALE_VERSION",
      currentVersion: post.version,
      currentMarkdown: post.markdown,
      yourVersion: edit.expectedVersion,
      yourMarkdown: edit.markdown,
    });
  }
  if (post.markdown === edit.markdown) return post;
  const version = post.version + 1;
  await manager.update(
    ForumPostEntity,
    { id: post.id },
    { markdown: edit.markdown, html: edit.rendered.html, version, editedAt: actor.now, updatedAt: actor.now },
  );
  await manager.insert(ForumPostRevisionEntity, {
    postId: post.id,
    version,
    markdown: edit.markdown,
    editorId: actor.personId,
    reason: edit.reason,
    createdAt: actor.now,
  });
  await recordAuditEvent(manager, actor, {
    action: "forum.post.edited",
    targetType: "ForumPost",
    targetId: post.id,
    data: { topicId: post.topicId, number: post.number, version, reason: edit.reason },
  });
  await indexForumTopic(manager, post.topicId, actor.now, { onlyPostId: post.id });
  return { ...post, markdown: edit.markdown, html: edit.rendered.html, version, editedAt: actor.now };
}
