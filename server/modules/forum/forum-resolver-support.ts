import type { EntityManager } from "typeorm";
import type { GraphQLContext } from "../../graphql/context.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { forumTrustedHosts, type RenderedPost, renderPost } from "./forum-markdown.js";
import type { ForumTopic } from "./forum-topic.entity.js";
import { enforcePostingLimits, type PostingKind } from "./posting-limits.js";

/** Renders a post with the hub's trusted hosts. */
export function renderForContext(context: GraphQLContext, markdown: string): RenderedPost {
  return renderPost(markdown, forumTrustedHosts(context.config.forum.trustedHosts, context.publicUrl));
}

/** Applies the posting limits in the posting transaction; moderators are exempt, as Discourse's staff are. */
export async function checkPostingLimits(
  context: GraphQLContext,
  manager: EntityManager,
  subject: { personId: string; kind: PostingKind; markdown: string },
): Promise<void> {
  if (context.policy.isModerator) return;
  await enforcePostingLimits(manager, context.clock.now(), context.config.forum, subject);
}

/** The topic's stable path in the web app. */
export function topicPath(topic: ForumTopic): string {
  return `/forum/t/${topic.slug}/${toGlobalId("ForumTopic", topic.id)}`;
}
