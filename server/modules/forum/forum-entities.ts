import { ForumAdvisoryAckEntity } from "./forum-advisory-ack.entity.js";
import { ForumBookmarkEntity } from "./forum-bookmark.entity.js";
import { ForumDecisionEntity, ForumDecisionVoteEntity } from "./forum-decision.entity.js";
import { ForumCategoryEntity } from "./forum-category.entity.js";
import { ForumDraftEntity } from "./forum-draft.entity.js";
import { ForumFlagEntity } from "./forum-flag.entity.js";
import { ForumNotificationEntity } from "./forum-notification.entity.js";
import { ForumPostEntity } from "./forum-post.entity.js";
import { ForumPostLikeEntity } from "./forum-post-like.entity.js";
import { ForumPostRevisionEntity } from "./forum-post-revision.entity.js";
import { ForumTagEntity, ForumTopicTagEntity } from "./forum-tag.entity.js";
import { ForumTopicEntity } from "./forum-topic.entity.js";
import { ForumTopicReadStateEntity } from "./forum-topic-read-state.entity.js";
import { ForumTopicWatchEntity } from "./forum-topic-watch.entity.js";
import { ForumPostFanoutEntity } from "./fanout/forum-post-fanout.entity.js";
import { FORUM_MODERATION_ENTITIES } from "./moderation/moderation-entities.js";

/** Every entity of the forum, registered once in `server/db/entities.ts`. */
export const FORUM_ENTITIES = [
  ForumCategoryEntity,
  ForumTagEntity,
  ForumTopicEntity,
  ForumTopicTagEntity,
  ForumPostEntity,
  ForumPostRevisionEntity,
  ForumPostLikeEntity,
  ForumNotificationEntity,
  ForumPostFanoutEntity,
  ForumTopicWatchEntity,
  ForumTopicReadStateEntity,
  ForumBookmarkEntity,
  ForumDraftEntity,
  ForumFlagEntity,
  ForumDecisionEntity,
  ForumDecisionVoteEntity,
  ForumAdvisoryAckEntity,
  ...FORUM_MODERATION_ENTITIES,
];
