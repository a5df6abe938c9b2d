import { z } from "zod";
import { MAX_MANIFEST_OBJECTS } from "../manifests/allowed-kinds.js";

/** Conditions an agent reports on work (agent/README.md): applied, running as asked, or running badly. */
export const WORK_CONDITION_TYPES = ["Applied", "Available", "Degraded"] as const;
export const WORK_CONDITION_STATUSES = ["True", "False", "Unknown"] as const;

/**
 * At most this many objects per report: a placement has at most `MAX_MANIFEST_OBJECTS` (200), and the agent may
 * add the few it creates itself (namespace, quota, network policy).
 */
export const MAX_REPORTED_OBJECTS = MAX_MANIFEST_OBJECTS + 8;

/**
 * Kubernetes' own bounds for `metav1.Condition` (message 32,768, reason 1,024 characters and its pattern): the agent
 * passes on API server messages (an admission webhook's denial can run to kilobytes), and a report refused for a
 * long message would hide the failure it describes. The request body limit (1 MB) bounds a report as a whole.
 */
const MESSAGE_MAX = 32_768;
const reason = z
  .string()
  .regex(/^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/, "a CamelCase reason such as Applied or ImagePullBackOff")
  .max(1024);
const message = z
  .string()
  .max(MESSAGE_MAX, `at most ${MESSAGE_MAX} characters`)
  .nullish()
  .transform((value) => value ?? "");

const condition = z.object({
  type: z.enum(WORK_CONDITION_TYPES),
  status: z.enum(WORK_CONDITION_STATUSES),
  reason,
  message,
});

const object = z.object({
  apiVersion: z.string().min(1).max(253),
  kind: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]*$/, "a Kubernetes kind")
    .max(63),
  name: z.string().min(1).max(253),
  status: z.string().min(1).max(64),
  message,
});

/**
 * `reportWorkStatus`'s input once decoded. The work id is decoded separately (a global id); the generation must
 * be one the hub handed out, at least 1. Each condition type at most once: two Available entries would make the
 * transition time ambiguous.
 */
export const workReportSchema = z.object({
  generation: z.number().int().min(1),
  conditions: z
    .array(condition)
    .max(WORK_CONDITION_TYPES.length)
    .refine((list) => new Set(list.map((entry) => entry.type)).size === list.length, {
      message: "each condition type at most once",
    }),
  objects: z.array(object).max(MAX_REPORTED_OBJECTS, `at most ${MAX_REPORTED_OBJECTS} objects`),
  removed: z
    .boolean()
    .nullish()
    .transform((value) => value === true),
});

/** A validated status report of one piece of work. */
export type WorkReport = z.infer<typeof workReportSchema>;
