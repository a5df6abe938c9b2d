import { z } from "zod";
import { inTransaction } from "../../../db/transaction.js";
import { actorFor } from "../../../graphql/actor.js";
import { decodeCursor, pageSize, toConnection } from "../../../graphql/connection.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { toGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { type DigestFrequency, ForumMailOutboxEntity } from "./forum-mail.entity.js";
import { loadMailPreferences, updateMailPreferences } from "./mail-preferences.js";

const preferencesInput = z
  .object({
    emailMentions: z.boolean().nullish(),
    emailReplies: z.boolean().nullish(),
    emailDigest: z.boolean().nullish(),
    digestFrequency: z
      .enum(["DAILY", "WEEKLY"])
      .transform((value) => value.toLowerCase() as DigestFrequency)
      .nullish(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined && value !== null), {
    message: "change at least one setting",
    path: ["emailMentions"],
  });

export const forumMailResolvers: Resolvers = {
  Query: {
    forumEmailPreferences: (_parent, _args, context) => {
      const { person } = context.policy.requireViewer();
      return loadMailPreferences(context.dataSource.manager, person.id);
    },
    forumDevMailbox: async (_parent, { first, after }, context) => {
      context.policy.authorize("forum.readDevMailbox", {
        development: context.config.environment === "development",
      });
      const size = pageSize(first);
      const builder = context.dataSource.manager
        .createQueryBuilder(ForumMailOutboxEntity, "mail")
        .where("mail.status = 'sent' AND mail.transport = 'mailbox'");
      if (after) {
        const [id] = decodeCursor(after, 1);
        builder.andWhere("mail.id < :id", { id: String(id) });
      }
      const rows = await builder
        .orderBy("mail.id", "DESC")
        .take(size + 1)
        .getMany();
      return toConnection(rows, size, (row) => [String(row.id)], Boolean(after));
    },
  },
  Mutation: {
    updateForumEmailPreferences: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(preferencesInput, input);
      const viewer = context.policy.authorize("forum.participate");
      const preferences = await inTransaction(context.dataSource, (manager) =>
        updateMailPreferences(manager, actorFor(context, viewer), {
          emailMentions: valid.emailMentions ?? undefined,
          emailReplies: valid.emailReplies ?? undefined,
          emailDigest: valid.emailDigest ?? undefined,
          digestFrequency: valid.digestFrequency ?? undefined,
        }),
      );
      return { preferences };
    },
  },
  ForumEmailPreferences: {
    digestFrequency: (preferences) => toGraphqlEnum(preferences.digestFrequency),
    address: async (preferences, _args, context) =>
      (await context.loaders.personById.load(preferences.personId))?.email ?? null,
  },
  ForumMailMessage: {
    id: (mail) => toGlobalId("ForumMailMessage", String(mail.id)),
    to: (mail) => mail.message?.to ?? "",
    subject: (mail) => mail.subject ?? "",
    text: (mail) => mail.message?.text ?? "",
    html: (mail) => mail.message?.html ?? "",
    listUnsubscribe: (mail) => mail.message?.headers["List-Unsubscribe"] ?? null,
    sentAt: (mail) => mail.sentAt ?? mail.createdAt,
  },
};
