import { z } from "zod";
import { countryCode } from "../cooperatives/cooperative-input.js";
import { MAX_JOIN_TOKEN_MINUTES } from "./cluster-settings.js";

/** A cluster name: a DNS label, as Kubernetes names go. */
export const clusterName = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    "lowercase letters, digits and hyphens, at most 63, not at the ends",
  );

export const createJoinTokenInput = z.object({
  cooperativeId: z.string(),
  clusterName,
  expiresInMinutes: z
    .number()
    .int()
    .min(5, "at least 5 minutes")
    .max(MAX_JOIN_TOKEN_MINUTES, `at most ${MAX_JOIN_TOKEN_MINUTES} minutes`)
    .nullish(),
});

export const note = z.string().trim().max(2000, "at most 2000 characters").nullish();

/** Standard label keys, validated by meaning; any other key follows Kubernetes' label syntax. */
export const STANDARD_LABELS = ["country", "jurisdiction", "region"] as const;

const labelKey = z
  .string()
  .regex(
    /^([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/,
    "a Kubernetes label key such as country or example.org/tier",
  );
const labelValue = z
  .string()
  .regex(/^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/, "a Kubernetes label value (63 characters)");

const label = z.object({ key: labelKey, value: labelValue }).superRefine((candidate, context) => {
  if (candidate.key === "country" && !countryCode.safeParse(candidate.value).success)
    context.addIssue({ code: "custom", path: ["value"], message: "an ISO 3166-1 alpha-2 code such as DE" });
});

export const labelsInput = z
  .array(label)
  .max(64, "at most 64 labels")
  .superRefine((labels, context) => {
    const seen = new Set<string>();
    labels.forEach((candidate, index) => {
      if (seen.has(candidate.key))
        context.addIssue({ code: "custom", path: [index, "key"], message: "duplicate key" });
      seen.add(candidate.key);
    });
  })
  .transform((labels) =>
    Object.fromEntries(
      labels.map((entry) => [entry.key, entry.key === "country" ? entry.value.toUpperCase() : entry.value]),
    ),
  );

export const setLabelsInput = z.object({ id: z.string(), labels: labelsInput });
export const maintenanceInput = z.object({
  id: z.string(),
  maintenance: z.boolean(),
  reason: z.string().trim().max(200, "at most 200 characters").nullish(),
});
