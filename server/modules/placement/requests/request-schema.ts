import { z } from "zod";
import { resourceKind } from "../../offers/offer-resources.js";

/** Replicas of one placement: enough for real workloads, small enough to keep reservations exact. */
export const MAX_REPLICAS = 1000;
/** Clusters a Duplicated placement may run on. */
export const MAX_DUPLICATED_CLUSTERS = 100;
export const DEFAULT_TOLERATION_SECONDS = 300;

/** Names a placement may ask for per replica (pods and ephemeral storage are the cluster's business). */
const REQUESTABLE = /^(cpu|memory|storage:.+|gpu:.+)$/;

const resource = z.object({ resource: z.string(), amount: z.number() }).superRefine((value, context) => {
  const kind = REQUESTABLE.test(value.resource) ? resourceKind(value.resource) : undefined;
  if (!kind) {
    context.addIssue({
      code: "custom",
      path: ["resource"],
      message: "unknown resource; use cpu, memory, storage:<class> or gpu:<model>",
    });
    return;
  }
  if (!Number.isInteger(value.amount) || value.amount < 0)
    context.addIssue({ code: "custom", path: ["amount"], message: `a whole number ≥ 0 of ${kind.unit}` });
  else if (value.amount > kind.max)
    context.addIssue({ code: "custom", path: ["amount"], message: `at most ${kind.max} ${kind.unit}` });
});

const labelValue = z.string().max(63);
const labelKey = z.string().min(1).max(317);

const toleration = z.object({
  key: labelKey.nullish(),
  operator: z.enum(["Equal", "Exists"]).nullish(),
  value: labelValue.nullish(),
  effect: z.enum(["NoSelect", "NoSelectIfNew", "PreferNoSelect"]).nullish(),
  tolerationSeconds: z.number().int().min(0).max(31_536_000).nullish(),
});

const expression = z
  .object({
    key: labelKey,
    operator: z.enum(["In", "NotIn", "Exists", "DoesNotExist"]),
    values: z.array(labelValue).max(100).nullish(),
  })
  .refine(
    (value) =>
      value.operator === "In" || value.operator === "NotIn"
        ? (value.values?.length ?? 0) > 0
        : (value.values?.length ?? 0) === 0,
    { message: "In and NotIn need values; Exists and DoesNotExist take none", path: ["values"] },
  );

const constraints = z.object({
  jurisdictions: z.array(z.string().min(1).max(63)).max(50).nullish(),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as DE"))
    .max(250)
    .nullish(),
  labelSelector: z
    .object({
      matchLabels: z
        .array(z.object({ key: labelKey, value: labelValue }))
        .max(50)
        .nullish(),
      matchExpressions: z.array(expression).max(50).nullish(),
    })
    .nullish(),
  excludeOwnClusters: z.boolean().nullish(),
  preferOwnClusters: z.boolean().nullish(),
  tolerations: z.array(toleration).max(50).nullish(),
});

/**
 * `PlacementRequestInput` after GraphQL checked its shape: names, ranges and combinations. The cooperative id is
 * decoded by the resolver (before authorising), the blueprint version id here.
 */
export const placementRequestSchema = z
  .object({
    cooperativeId: z.string(),
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "1–63 lowercase letters, digits and hyphens"),
    blueprint: z.object({ blueprintVersionId: z.string(), parameters: z.unknown().nullish() }).nullish(),
    manifests: z.string().nullish(),
    replicas: z.number().int().min(1).max(MAX_REPLICAS),
    resources: z
      .array(resource)
      .min(1, "name at least one resource per replica")
      .max(32)
      .refine(
        (list) => new Set(list.map((entry) => entry.resource)).size === list.length,
        "each resource once",
      )
      .refine((list) => list.some((entry) => entry.amount > 0), "at least one resource must be above 0"),
    constraints: constraints.nullish(),
    spread: z
      .object({
        maxPerCluster: z.number().int().min(1).max(MAX_REPLICAS).nullish(),
        maxPerCooperative: z.number().int().min(1).max(MAX_REPLICAS).nullish(),
      })
      .nullish(),
    mode: z
      .object({
        kind: z.enum(["DUPLICATED", "DIVIDED"]),
        clusters: z.number().int().min(1).max(MAX_DUPLICATED_CLUSTERS).nullish(),
      })
      .refine((mode) => mode.kind === "DUPLICATED" || mode.clusters == null, {
        message: "only DUPLICATED takes clusters",
        path: ["clusters"],
      }),
    tolerationSeconds: z.number().int().min(30).max(86_400).nullish(),
  })
  .superRefine((value, context) => {
    const sources = (value.blueprint ? 1 : 0) + (value.manifests != null ? 1 : 0);
    if (sources !== 1)
      context.addIssue({
        code: "custom",
        path: [value.blueprint ? "blueprint" : "manifests"],
        message: "give exactly one of blueprint and manifests",
      });
  });

export type PlacementRequestFields = z.infer<typeof placementRequestSchema>;
