import type { EntityManager } from "typeorm";
import type { GraphQLContext } from "../../graphql/context.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { forumTrustedHosts, type RenderedPost, renderPost } from "./forum-markdown.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import { refuseIfSilenced } from "./moderation/penalties.js";
import { enforceSlowMode } from "./moderation/slow-mode.js";
import { enforcePostingLimits, type PostingKind } from "./posting-limits.js";

/** Renders a post with the hub's trusted hosts. */
export function renderForContext(context: GraphQLContext, markdown: string): RenderedPost {
  return renderPost(markdown, forumTrustedHosts(context.config.forum.trustedHosts, context.publicUrl));
}

/**
 * Applies the posting limits in the posting transaction: a silenced person may not post (FORBIDDEN), then the
 * posting intervals and, for a reply (`topicId`), the topic's slow mode. Moderators are exempt, as Discourse's
 * staff are (and cannot be silenced).
 */
export async function checkPostingLimits(
  context: GraphQLContext,
  manager: EntityManager,
  subject: { personId: string; kind: PostingKind; markdown: string; topicId?: string },
): Promise<void> {
  if (context.policy.isModerator) return;
  const now = context.clock.now();
  await refuseIfSilenced(manager, subject.personId, now);
  await enforcePostingLimits(manager, now, context.config.forum, subject);
  if (subject.topicId)
    await enforceSlowMode(manager, now, { topicId: subject.topicId, personId: subject.personId });
}

/** The topic's stable path in the web app. */
export function topicPath(topic: ForumTopic): string {
  return `/forum/t/${topic.slug}/${toGlobalId("ForumTopic", topic.id)}`;
}
