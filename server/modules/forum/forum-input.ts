import { z } from "zod";
import { FORUM_AUDIENCES, FORUM_CATEGORY_KINDS } from "./forum-category.entity.js";
import { FORUM_FLAG_REASONS } from "./forum-flag.entity.js";
import { FORUM_WATCH_LEVELS } from "./forum-topic-watch.entity.js";

/** Discourse's `max_post_length` is 32,000 characters; the alliance allows 64 KiB of UTF-8 (logs, manifests). */
export const MAX_POST_BYTES = 64 * 1024;
export const MAX_TAGS = 5;

const lowerEnum = <const T extends readonly string[]>(values: T) =>
  z
    .enum(values.map((value) => value.toUpperCase()) as [string, ...string[]])
    .transform((value) => value.toLowerCase() as T[number]);

export const forumAudience = lowerEnum(FORUM_AUDIENCES);
export const forumCategoryKind = lowerEnum(FORUM_CATEGORY_KINDS);
export const forumWatchLevel = lowerEnum(FORUM_WATCH_LEVELS);
export const forumFlagReason = lowerEnum(FORUM_FLAG_REASONS);

/** CommonMark replaces NUL with U+FFFD; PostgreSQL text cannot hold NUL at all. */
const withoutNul = (value: string) => value.replaceAll("\u0000", "\uFFFD");

export const postMarkdown = z
  .string()
  .transform(withoutNul)
  .refine((value) => value.trim().length >= 2, "at least 2 characters")
  .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_POST_BYTES, "at most 64 KiB");

export const topicTitle = z
  .string()
  .trim()
  .min(5, "at least 5 characters")
  .max(200, "at most 200 characters");

export const tagName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9.-]{0,29}$/, "1-30 lower-case letters, digits, dots or hyphens");

export const tags = z
  .array(tagName)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((names) => [...new Set(names)])
  .nullish()
  .transform((names) => names ?? []);

export const categorySlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "1-40 lower-case letters, digits or hyphens");

const categoryFields = {
  name: z.string().trim().min(2, "at least 2 characters").max(80, "at most 80 characters"),
  description: z.string().trim().max(2000, "at most 2000 characters"),
  position: z.number().int().min(0).max(10_000),
  readAudience: forumAudience,
  postAudience: forumAudience.refine((value) => value !== "everyone", "anonymous people cannot post"),
  replyAudience: forumAudience.refine((value) => value !== "everyone", "anonymous people cannot post"),
  allowsAcceptedAnswers: z.boolean(),
};

export const createCategoryInput = z.object({
  slug: categorySlug,
  name: categoryFields.name,
  description: categoryFields.description.nullish().transform((value) => value ?? ""),
  position: categoryFields.position.nullish().transform((value) => value ?? 0),
  kind: forumCategoryKind.nullish().transform((value) => value ?? "discussion"),
  readAudience: categoryFields.readAudience.nullish().transform((value) => value ?? "everyone"),
  postAudience: categoryFields.postAudience.nullish().transform((value) => value ?? "signed_in"),
  replyAudience: categoryFields.replyAudience.nullish().transform((value) => value ?? "signed_in"),
  allowsAcceptedAnswers: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});

export const updateCategoryInput = z.object({
  id: z.string(),
  name: categoryFields.name.nullish(),
  description: categoryFields.description.nullish(),
  position: categoryFields.position.nullish(),
  readAudience: categoryFields.readAudience.nullish(),
  postAudience: categoryFields.postAudience.nullish(),
  replyAudience: categoryFields.replyAudience.nullish(),
  allowsAcceptedAnswers: categoryFields.allowsAcceptedAnswers.nullish(),
});

export const decisionInput = z
  .object({
    options: z
      .array(z.string().trim().min(1, "required").max(200, "at most 200 characters"))
      .min(2, "at least 2 options")
      .max(10, "at most 10 options")
      .refine((options) => new Set(options).size === options.length, "options must differ"),
    quorum: z.number().int().min(1, "at least 1").max(1000, "at most 1000"),
    closesAt: z.date(),
    allowAlliancePartners: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
  })
  .nullish()
  .transform((value) => value ?? null);

export const createTopicInput = z.object({
  categoryId: z.string(),
  title: topicTitle,
  markdown: postMarkdown,
  tags,
  stackRelease: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/, "a release name such as 2026.10")
    .nullish()
    .transform((value) => value ?? null),
  decision: decisionInput,
});

export const replyInput = z.object({
  topicId: z.string(),
  markdown: postMarkdown,
  replyToNumber: z.number().int().positive().nullish(),
});

export const editPostInput = z.object({
  postId: z.string(),
  markdown: postMarkdown,
  expectedVersion: z.number().int().positive(),
  reason: z.string().trim().max(300, "at most 300 characters").nullish(),
});

export const draftKey = z
  .string()
  .regex(/^(?:new-topic|topic:[A-Za-z0-9_-]{1,100})$/, "new-topic or topic:<topic ID>");

export const saveDraftInput = z.object({
  key: draftKey,
  title: z.string().max(200, "at most 200 characters").nullish(),
  markdown: z
    .string()
    .transform(withoutNul)
    .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_POST_BYTES, "at most 64 KiB"),
  sequence: z.number().int().min(0),
});

export const flagInput = z.object({
  postId: z.string(),
  reason: forumFlagReason,
  message: z
    .string()
    .trim()
    .max(1000, "at most 1000 characters")
    .nullish()
    .transform((value) => value ?? ""),
});

export const bookmarkInput = z.object({
  postId: z.string(),
  note: z
    .string()
    .trim()
    .max(500, "at most 500 characters")
    .nullish()
    .transform((value) => value ?? ""),
});

export const hidePostInput = z.object({
  postId: z.string(),
  hidden: z.boolean(),
  reason: z.string().trim().max(500, "at most 500 characters").nullish(),
});
