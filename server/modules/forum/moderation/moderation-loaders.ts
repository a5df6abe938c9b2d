import DataLoader from "dataloader";
import { In } from "typeorm";
import type { GraphQLContext } from "../../../graphql/context.js";
import { type ForumSmallAction, ForumSmallActionEntity } from "./forum-small-action.entity.js";
import { type ForumTopicModeration, ForumTopicModerationEntity } from "./forum-topic-moderation.entity.js";

/** Per-request loaders of the moderation tools' per-topic and per-post rows (a topic page asks for every post). */
export interface ModerationLoaders {
  topicModeration: DataLoader<string, ForumTopicModeration | null>;
  smallAction: DataLoader<string, ForumSmallAction | null>;
}

const LOADERS = new WeakMap<GraphQLContext, ModerationLoaders>();

/** The moderation loaders of this request. */
export function moderationLoaders(context: GraphQLContext): ModerationLoaders {
  let loaders = LOADERS.get(context);
  if (!loaders) {
    const manager = context.dataSource.manager;
    loaders = {
      topicModeration: new DataLoader(async (ids) => {
        const rows = await manager.findBy(ForumTopicModerationEntity, { topicId: In([...ids]) });
        return ids.map((id) => rows.find((row) => row.topicId === id) ?? null);
      }),
      smallAction: new DataLoader(async (ids) => {
        const rows = await manager.findBy(ForumSmallActionEntity, { postId: In([...ids]) });
        return ids.map((id) => rows.find((row) => row.postId === id) ?? null);
      }),
    };
    LOADERS.set(context, loaders);
  }
  return loaders;
}
