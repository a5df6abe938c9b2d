import { IsNull } from "typeorm";
import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { HubError } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import { pageSize } from "../../graphql/connection.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { bookmarkPost, deleteDraft, removeBookmark, saveDraft } from "./bookmarks-and-drafts.js";
import { canReadTopic, loadReadablePost, loadReadableTopic } from "./forum-access.js";
import { ForumDraftEntity } from "./forum-draft.entity.js";
import { bookmarkInput, draftKey, forumWatchLevel, saveDraftInput } from "./forum-input.js";
import { forumLoaders } from "./forum-loaders.js";
import { ForumNotificationEntity } from "./forum-notification.entity.js";
import { listBookmarks, listNotifications } from "./personal-queries.js";
import { markNotificationsRead, markTopicRead, setWatchLevel } from "./reading-state.js";

const watchInput = z.object({ topicId: z.string(), level: forumWatchLevel });
const readInput = z.object({ topicId: z.string(), postNumber: z.number().int().positive() });
const notificationIds = z.object({ ids: z.array(z.string()).max(200, "at most 200").nullish() });
const postIdInput = z.object({ postId: z.string() });

export const forumPersonalResolvers: Resolvers = {
  Query: {
    forumNotifications: async (_parent, { first, after, unreadOnly }, context) => {
      const { person } = context.policy.requireViewer();
      const connection = await listNotifications(context.dataSource.manager, person.id, {
        first: pageSize(first),
        after,
        unreadOnly: unreadOnly ?? false,
      });
      const unreadCount = await context.dataSource.manager.countBy(ForumNotificationEntity, {
        personId: person.id,
        readAt: IsNull(),
      });
      return { ...connection, unreadCount };
    },
    forumBookmarks: (_parent, { first, after }, context) => {
      const { person } = context.policy.requireViewer();
      return listBookmarks(context.dataSource.manager, person.id, { first: pageSize(first), after });
    },
    forumDraft: async (_parent, { key }, context) => {
      const { person } = context.policy.requireViewer();
      return context.dataSource.manager.findOneBy(ForumDraftEntity, { personId: person.id, draftKey: key });
    },
  },
  Mutation: {
    setForumWatchLevel: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(watchInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const viewer = context.policy.authorize("forum.participate");
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { topic } = await loadReadableTopic(context, topicId, manager);
        await setWatchLevel(manager, actorFor(context, viewer), topic, valid.level);
        return topic;
      });
      return { topic };
    },
    markForumTopicRead: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(readInput, input);
      const topicId = fromGlobalId(valid.topicId, "ForumTopic", "input.topicId");
      const viewer = context.policy.authorize("forum.participate");
      const topic = await inTransaction(context.dataSource, async (manager) => {
        const { topic } = await loadReadableTopic(context, topicId, manager);
        await markTopicRead(manager, actorFor(context, viewer), topic, valid.postNumber);
        return topic;
      });
      return { topic };
    },
    markForumNotificationsRead: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(notificationIds, input);
      const ids = valid.ids?.map((id, index) => fromGlobalId(id, "ForumNotification", `input.ids.${index}`));
      const viewer = context.policy.authorize("forum.participate");
      const unreadCount = await inTransaction(context.dataSource, (manager) =>
        markNotificationsRead(manager, actorFor(context, viewer), ids ?? null),
      );
      return { unreadCount };
    },
    bookmarkForumPost: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(bookmarkInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const viewer = context.policy.authorize("forum.participate");
      const bookmark = await inTransaction(context.dataSource, async (manager) => {
        await loadReadablePost(context, postId, manager);
        return bookmarkPost(manager, actorFor(context, viewer), postId, valid.note);
      });
      return { bookmark };
    },
    removeForumBookmark: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(postIdInput, input);
      const postId = fromGlobalId(valid.postId, "ForumPost", "input.postId");
      const viewer = context.policy.authorize("forum.participate");
      const removed = await inTransaction(context.dataSource, (manager) =>
        removeBookmark(manager, actorFor(context, viewer), postId),
      );
      return { removed };
    },
    saveForumDraft: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(saveDraftInput, input);
      const viewer = context.policy.authorize("forum.participate");
      const draft = await inTransaction(context.dataSource, (manager) =>
        saveDraft(manager, actorFor(context, viewer), { ...valid, title: valid.title ?? null }),
      );
      return { draft };
    },
    deleteForumDraft: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(z.object({ key: draftKey }), input);
      const viewer = context.policy.authorize("forum.participate");
      const deleted = await inTransaction(context.dataSource, (manager) =>
        deleteDraft(manager, actorFor(context, viewer), valid.key),
      );
      return { deleted };
    },
  },
  ForumNotification: {
    id: (notification) => toGlobalId("ForumNotification", notification.id),
    kind: (notification) => toGraphqlEnum(notification.kind),
    topic: async (notification, _args, context) => {
      const topic = await forumLoaders(context).topicById.load(notification.topicId);
      if (!topic) return null;
      const category = await forumLoaders(context).categoryById.load(topic.categoryId);
      return category && (await canReadTopic(context, topic, category)) ? topic : null;
    },
    actor: (notification, _args, context) => context.loaders.personById.load(notification.actorId),
    read: (notification) => notification.readAt !== null,
  },
  ForumBookmark: {
    id: (bookmark) => toGlobalId("ForumBookmark", bookmark.id),
    post: async (bookmark, _args, context) => {
      try {
        return (await loadReadablePost(context, bookmark.postId)).post;
      } catch (error) {
        if (error instanceof HubError && error.code === "NOT_FOUND") return null; // no longer visible to the viewer
        throw error;
      }
    },
  },
  ForumDraft: {
    key: (draft) => draft.draftKey,
  },
};
