import { ForumAnswerProposalEntity } from "./forum-answer-proposal.entity.js";
import { ForumPenaltyEntity } from "./forum-penalty.entity.js";
import { ForumSmallActionEntity } from "./forum-small-action.entity.js";
import { ForumTopicModerationEntity } from "./forum-topic-moderation.entity.js";
import { ForumAnswerConfirmationEntity, ForumTopicReleaseEntity } from "./forum-topic-release.entity.js";

/** The entities of the forum's moderation tools and release-aware answers (listed in `forum-entities.ts`). */
export const FORUM_MODERATION_ENTITIES = [
  ForumPenaltyEntity,
  ForumTopicModerationEntity,
  ForumSmallActionEntity,
  ForumTopicReleaseEntity,
  ForumAnswerConfirmationEntity,
  ForumAnswerProposalEntity,
];
