import {
  ForumCategoryWatchDefaultEntity,
  ForumCategoryWatchEntity,
  ForumTagWatchEntity,
} from "../watching/forum-scope-watch.entity.js";
import { ForumMailKeyEntity, ForumMailOutboxEntity, ForumMailPreferenceEntity } from "./forum-mail.entity.js";

/** Category and tag watching, email preferences and the mail outbox; registered in `server/db/entities.ts`. */
export const FORUM_NOTIFICATION_ENTITIES = [
  ForumCategoryWatchEntity,
  ForumTagWatchEntity,
  ForumCategoryWatchDefaultEntity,
  ForumMailPreferenceEntity,
  ForumMailOutboxEntity,
  ForumMailKeyEntity,
];
