import { z } from "zod";
import { RESOURCE_NAMES_HELP, resourceKind } from "./offer-resources.js";
import { isClock, isKnownTimeZone, overlappingWindows } from "./offer-windows.js";

/** Longest allow or deny list, and most windows: enough for any real alliance, small enough to check cheaply. */
export const MAX_AUDIENCE = 200;
export const MAX_WINDOWS = 28;
/** A day: longer grace periods would let a guest hold preemptible capacity indefinitely. */
export const MAX_GRACE_SECONDS = 86_400;

const cap = z.object({ resource: z.string(), amount: z.number() }).superRefine((value, context) => {
  const kind = resourceKind(value.resource);
  if (!kind) {
    context.addIssue({
      code: "custom",
      path: ["resource"],
      message: `unknown resource; use ${RESOURCE_NAMES_HELP}`,
    });
    return;
  }
  if (!Number.isInteger(value.amount) || value.amount < 0)
    context.addIssue({ code: "custom", path: ["amount"], message: `a whole number ≥ 0 of ${kind.unit}` });
  else if (value.amount > kind.max)
    context.addIssue({ code: "custom", path: ["amount"], message: `at most ${kind.max} ${kind.unit}` });
});

const window = z.object({
  days: z
    .array(z.number().int().min(0, "0 (Sunday) to 6").max(6, "0 (Sunday) to 6"))
    .min(1, "at least one day")
    .refine((days) => new Set(days).size === days.length, "each day once"),
  start: z.string().refine(isClock, "HH:MM, 00:00 to 24:00"),
  end: z.string().refine(isClock, "HH:MM, 00:00 to 24:00"),
  timeZone: z.string().refine(isKnownTimeZone, "an IANA time zone such as Europe/Berlin"),
});

const audience = z
  .object({
    cooperativeIds: z.array(z.string()).max(MAX_AUDIENCE).nullish(),
    tiers: z.array(z.enum(["ALLIANCE_PARTNER", "TCC_MEMBER", "VENDOR"])).nullish(),
  })
  .nullish();

/** `setCapacityOffer` input after validation; cooperative ids are still global ids (checked against the database). */
export const setCapacityOfferInput = z
  .object({
    clusterId: z.string(),
    caps: z.array(cap).max(64).nullish(),
    freeSharePercent: z.number().min(0, "0 to 100").max(100, "0 to 100").nullish(),
    allow: audience,
    deny: audience,
    windows: z.array(window).max(MAX_WINDOWS, `at most ${MAX_WINDOWS} windows`).nullish(),
    preemptible: z.boolean(),
    gracePeriodSeconds: z
      .number()
      .int()
      .min(0, "0 or more seconds")
      .max(MAX_GRACE_SECONDS, `at most ${MAX_GRACE_SECONDS} seconds`)
      .nullish(),
    paused: z.boolean().nullish(),
    expectedVersion: z.number().int().min(0).nullish(),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    (input.caps ?? []).forEach((entry, index) => {
      if (seen.has(entry.resource))
        context.addIssue({ code: "custom", path: ["caps", index, "resource"], message: "listed twice" });
      seen.add(entry.resource);
    });
    for (const [, second] of overlappingWindows(input.windows ?? []))
      context.addIssue({ code: "custom", path: ["windows", second], message: "overlaps an earlier window" });
    const denied = new Set([...(input.deny?.cooperativeIds ?? []), ...(input.deny?.tiers ?? [])]);
    (input.allow?.cooperativeIds ?? []).forEach((id, index) => {
      if (denied.has(id))
        context.addIssue({
          code: "custom",
          path: ["allow", "cooperativeIds", index],
          message: "also denied",
        });
    });
    (input.allow?.tiers ?? []).forEach((tier, index) => {
      if (denied.has(tier))
        context.addIssue({ code: "custom", path: ["allow", "tiers", index], message: "also denied" });
    });
  });

export type SetCapacityOfferInput = z.infer<typeof setCapacityOfferInput>;
