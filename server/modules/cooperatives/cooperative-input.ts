import { z } from "zod";
import type { COOPERATIVE_TIERS } from "./cooperative.entity.js";

/** Validation rules for cooperative fields, shared by applying and updating. */
export const cooperativeName = z
  .string()
  .trim()
  .min(3, "at least 3 characters")
  .max(80, "at most 80 characters");
export const cooperativeSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/,
    "3-40 lowercase letters, digits or hyphens, not at the ends",
  );
export const countryCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as DE or CH"));
export const website = z
  .url({ protocol: /^https?$/, message: "an http(s) URL" })
  .max(300)
  .nullish()
  .transform((value) => value ?? null);
export const description = z.string().trim().max(4000, "at most 4000 characters");
export const tier = z
  .enum(["ALLIANCE_PARTNER", "TCC_MEMBER", "VENDOR"])
  .transform((value) => value.toLowerCase() as (typeof COOPERATIVE_TIERS)[number]);

export const applyForCooperativeInput = z.object({
  name: cooperativeName,
  slug: cooperativeSlug,
  country: countryCode,
  website,
  description,
  tier,
});

export const updateCooperativeInput = z.object({
  id: z.string(),
  name: cooperativeName.optional(),
  country: countryCode.optional(),
  website: website.optional(),
  description: description.optional(),
});

export const membershipRole = z
  .enum(["MEMBER", "ADMIN"])
  .transform((value) => value.toLowerCase() as "member" | "admin");
