import { badUserInput } from "../../../errors.js";
import { fromGlobalId } from "../../../graphql/global-id.js";
import type {
  LabelSelector,
  PlacementConstraints,
  PlacementMode,
  PlacementSpread,
  ResourceAmounts,
  Toleration,
} from "../scheduler/types.js";
import {
  DEFAULT_TOLERATION_SECONDS,
  type PlacementRequestFields,
  placementRequestSchema,
} from "./request-schema.js";

/** Where the workload comes from, validated in shape (the YAML itself is checked by `resolveWorkload`). */
export type WorkloadSource =
  | { kind: "manifests"; yaml: string }
  | { kind: "blueprint"; blueprintVersionId: string; parameters: Record<string, unknown> };

/** A `PlacementRequestInput` in the scheduler's and the tables' shapes. */
export interface ValidPlacementRequest {
  cooperativeId: string;
  name: string;
  source: WorkloadSource;
  replicas: number;
  perReplica: ResourceAmounts;
  mode: PlacementMode;
  constraints: PlacementConstraints;
  spread: PlacementSpread;
  tolerationSeconds: number;
}

/** Drops null and undefined members, so stored JSON and scheduler input hold only what was asked. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member != null)) as T;
}

function selectorOf(input: NonNullable<PlacementRequestFields["constraints"]>["labelSelector"]) {
  if (!input) return undefined;
  const selector: LabelSelector = {};
  if (input.matchLabels?.length)
    selector.matchLabels = Object.fromEntries(input.matchLabels.map((entry) => [entry.key, entry.value]));
  if (input.matchExpressions?.length)
    selector.matchExpressions = input.matchExpressions.map((entry) =>
      compact({ key: entry.key, operator: entry.operator, values: entry.values ?? undefined }),
    );
  return Object.keys(selector).length > 0 ? selector : undefined;
}

function constraintsOf(input: PlacementRequestFields["constraints"]): PlacementConstraints {
  if (!input) return {};
  return compact({
    jurisdictions: input.jurisdictions?.length ? input.jurisdictions : undefined,
    countries: input.countries?.length ? input.countries : undefined,
    labelSelector: selectorOf(input.labelSelector),
    excludeOwnClusters: input.excludeOwnClusters ?? undefined,
    preferOwnClusters: input.preferOwnClusters ?? undefined,
    tolerations: input.tolerations?.length
      ? input.tolerations.map((toleration) => compact(toleration) as Toleration)
      : undefined,
  });
}

/**
 * Validates a `PlacementRequestInput` completely (zod: names, ranges, exactly one source, resources
 * `cpu`/`memory`/`storage:<class>`/`gpu:<model>`, replicas 1..1000, toleration 30..86,400 s) and converts it.
 * Every problem is one BAD_USER_INPUT entry named under `prefix` (`input.request` for createPlacement).
 */
export function validatePlacementRequest(input: unknown, prefix: string): ValidPlacementRequest {
  const parsed = placementRequestSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw badUserInput(
      `Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`,
      problems,
    );
  }
  const valid = parsed.data;
  const perReplica: ResourceAmounts = {};
  for (const entry of valid.resources) if (entry.amount > 0) perReplica[entry.resource] = entry.amount;
  const source: WorkloadSource = valid.blueprint
    ? {
        kind: "blueprint",
        blueprintVersionId: fromGlobalId(
          valid.blueprint.blueprintVersionId,
          "BlueprintVersion",
          `${prefix}.blueprint.blueprintVersionId`,
        ),
        parameters: (valid.blueprint.parameters ?? {}) as Record<string, unknown>,
      }
    : { kind: "manifests", yaml: valid.manifests ?? "" };
  return {
    cooperativeId: fromGlobalId(valid.cooperativeId, "Cooperative", `${prefix}.cooperativeId`),
    name: valid.name,
    source,
    replicas: valid.replicas,
    perReplica,
    mode:
      valid.mode.kind === "DUPLICATED"
        ? { kind: "Duplicated", clusters: valid.mode.clusters ?? 1 }
        : { kind: "Divided" },
    constraints: constraintsOf(valid.constraints),
    spread: compact({
      maxPerCluster: valid.spread?.maxPerCluster ?? undefined,
      maxPerCooperative: valid.spread?.maxPerCooperative ?? undefined,
    }),
    tolerationSeconds: valid.tolerationSeconds ?? DEFAULT_TOLERATION_SECONDS,
  };
}
