import { z } from "zod";
import type { ReleaseStatus } from "./manual-release.entity.js";

/** Longest page source accepted from the web (the longest page in content/ is about 12 KB). */
export const MAX_PAGE_MARKDOWN = 200_000;

/** PostgreSQL text cannot hold NUL; CommonMark replaces it with U+FFFD anyway, so do that before storing. */
function withoutNul<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.replaceAll("\u0000", "\uFFFD") : value),
    schema,
  );
}

const title = withoutNul(z.string().trim().min(1, "required").max(120, "at most 120 characters"));
const summary = withoutNul(z.string().trim().max(500, "at most 500 characters").nullish()).transform(
  (value) => value ?? "",
);
const markdown = withoutNul(
  z
    .string()
    .max(MAX_PAGE_MARKDOWN, `at most ${MAX_PAGE_MARKDOWN} characters`)
    .refine((value) => value.trim().length > 0, "required"),
);
const message = withoutNul(z.string().trim().max(500, "at most 500 characters").nullish()).transform(
  (value) => value ?? "",
);
const pageSlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, "lowercase letters, digits and hyphens, not at the ends");

export const releaseStatus = z
  .enum(["UNRELEASED", "CURRENT", "MAINTAINED", "UNMAINTAINED"])
  .transform((value) => value.toLowerCase() as ReleaseStatus);

export const proposeInput = z
  .object({
    pageId: z.string().nullish(),
    baseRevisionId: z.string().nullish(),
    chapterId: z.string().nullish(),
    slug: pageSlug.refine((value) => value !== "index", "index is the chapter's own page").nullish(),
    title,
    summary,
    markdown,
    message,
  })
  .superRefine((value, issues) => {
    if (value.pageId) {
      if (!value.baseRevisionId)
        issues.addIssue({
          code: "custom",
          path: ["baseRevisionId"],
          message: "required when editing a page",
        });
      return;
    }
    if (!value.chapterId)
      issues.addIssue({
        code: "custom",
        path: ["chapterId"],
        message: "pageId, or chapterId and slug, required",
      });
    if (!value.slug) issues.addIssue({ code: "custom", path: ["slug"], message: "required for a new page" });
  });

export const editInput = z.object({
  pageId: z.string(),
  baseRevisionId: z.string(),
  title,
  summary,
  markdown,
  message,
});

export const commentInput = z.object({
  proposalId: z.string(),
  body: withoutNul(z.string().trim().min(1, "required").max(10_000, "at most 10000 characters")),
});

export const declineInput = z.object({ proposalId: z.string(), reason: message });

export const restoreInput = z.object({
  pageId: z.string(),
  number: z.number().int().min(1, "a revision number (1 or more)"),
});

export const rateInput = z.object({
  pageId: z.string(),
  helpful: z.boolean(),
  comment: withoutNul(z.string().trim().max(2_000, "at most 2000 characters").nullish()).transform(
    (value) => value || null,
  ),
});

export const cutInput = z.object({
  fromReleaseId: z.string(),
  name: z
    .string()
    .regex(
      /^[0-9a-z](?:[0-9a-z.-]{0,30}[0-9a-z])?$/,
      "like 2027.05: lowercase letters, digits, dots, hyphens",
    ),
  title,
  status: releaseStatus.nullish().transform((value) => value ?? "unreleased"),
});

export const setStatusInput = z.object({ releaseId: z.string(), status: releaseStatus });

export const maintainerInput = z
  .object({
    manualId: z.string(),
    cooperativeSlug: z.string().trim().min(1, "required").max(40).nullish(),
    personHandle: z.string().trim().min(1, "required").max(40).nullish(),
  })
  .refine((value) => Boolean(value.cooperativeSlug) !== Boolean(value.personHandle), {
    path: ["cooperativeSlug"],
    message: "give exactly one of cooperativeSlug and personHandle",
  });
