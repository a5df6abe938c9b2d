import { z } from "zod";
import { topicTitle } from "../forum-input.js";

/** Inputs of the moderation tools, validated before anything is loaded (BAD_USER_INPUT names every field). */
export const splitInput = z.object({
  topicId: z.string(),
  postIds: z.array(z.string()).min(1, "at least 1 post").max(500, "at most 500 posts"),
  categoryId: z.string(),
  title: topicTitle,
});

export const mergeInput = z.object({ sourceTopicId: z.string(), targetTopicId: z.string() });

const reason = z.string().trim().min(3, "at least 3 characters").max(1000, "at most 1000 characters");

export const penaltyInput = z.object({
  personId: z.string(),
  kind: z
    .enum(["SILENCE", "SUSPENSION"], "SILENCE or SUSPENSION")
    .transform((value) => value.toLowerCase() as "silence" | "suspension"),
  reason,
  durationDays: z
    .number()
    .int()
    .min(1, "at least 1 day")
    .max(3650, "at most 3650 days")
    .nullish()
    .transform((value) => value ?? null),
});

export const liftInput = z.object({
  penaltyId: z.string(),
  reason: z
    .string()
    .trim()
    .max(1000, "at most 1000 characters")
    .nullish()
    .transform((value) => value || null),
});

export const slowModeInput = z.object({
  topicId: z.string(),
  seconds: z.number().int().min(0, "0 or more").max(86_400, "at most 86400 (a day)"),
});

export const stampInput = z.object({ topicId: z.string(), releaseId: z.string().nullish() });

export const confirmInput = z.object({ postId: z.string() });

export const answerProposalInput = z
  .object({
    postId: z.string(),
    pageId: z.string().nullish(),
    chapterId: z.string().nullish(),
    slug: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/,
        "lowercase letters, digits and hyphens, not at the ends",
      )
      .refine((value) => value !== "index", "index is the chapter's own page")
      .nullish(),
    title: z.string().trim().min(1, "required").max(120, "at most 120 characters").nullish(),
  })
  .superRefine((value, issues) => {
    if (value.pageId) return;
    if (!value.chapterId)
      issues.addIssue({
        code: "custom",
        path: ["chapterId"],
        message: "pageId, or chapterId and slug, required",
      });
    if (!value.slug) issues.addIssue({ code: "custom", path: ["slug"], message: "required for a new page" });
  });
