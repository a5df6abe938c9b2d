import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { toGlobalId } from "../../../graphql/global-id.js";
import { explanationViews, filterCounts } from "./cluster-explanations.js";

/**
 * Decisions resolve from the entity-shaped object they are given, never re-read by id: `previewPlacement` serves
 * decisions that were never saved (no id, trigger PREVIEW).
 */
export const placementDecisionResolvers: Resolvers = {
  PlacementDecision: {
    id: (decision) =>
      toGlobalId("PlacementDecision", decision.id || `preview-${decision.placementId ?? "new"}`),
    outcome: (decision) => decision.outcome.toUpperCase(),
    trigger: (decision) => decision.trigger.toUpperCase(),
    clusters: (decision, { first, filteredOnly }, context) =>
      explanationViews(decision, { first, filteredOnly }, context),
    clusterCount: (decision) => (decision.explanation ?? []).length,
    filteredCount: (decision) => (decision.explanation ?? []).filter((line) => "filtered" in line).length,
    filterCounts: (decision) => filterCounts(decision.explanation ?? []),
  },
};
