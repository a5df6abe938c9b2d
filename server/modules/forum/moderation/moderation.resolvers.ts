import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { penaltyResolvers } from "./penalties.resolvers.js";
import { releaseAnswerResolvers } from "./release-answers.resolvers.js";
import { topicToolResolvers } from "./topic-tools.resolvers.js";

/** The resolver maps of the moderation tools (listed in `forum.resolvers.ts`). */
export const FORUM_MODERATION_TOOL_RESOLVERS: Resolvers[] = [
  topicToolResolvers,
  penaltyResolvers,
  releaseAnswerResolvers,
];
