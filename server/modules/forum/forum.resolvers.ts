import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { forumCategoryResolvers } from "./forum-category.resolvers.js";
import { forumDecisionResolvers } from "./forum-decision.resolvers.js";
import { forumModerationResolvers } from "./forum-moderation.resolvers.js";
import { forumPersonalResolvers } from "./forum-personal.resolvers.js";
import { forumPostResolvers } from "./forum-post.resolvers.js";
import { forumTopicResolvers } from "./forum-topic.resolvers.js";
import { FORUM_MODERATION_TOOL_RESOLVERS } from "./moderation/moderation.resolvers.js";
import { forumMailResolvers } from "./mail/forum-mail.resolvers.js";
import { forumWatchingResolvers } from "./watching/watching.resolvers.js";

/** Every resolver map of the forum, registered once in `server/graphql/schema.ts`. */
export const FORUM_RESOLVERS: Resolvers[] = [
  forumCategoryResolvers,
  forumTopicResolvers,
  forumPostResolvers,
  forumPersonalResolvers,
  forumModerationResolvers,
  forumDecisionResolvers,
  ...FORUM_MODERATION_TOOL_RESOLVERS,
  forumWatchingResolvers,
  forumMailResolvers,
];
