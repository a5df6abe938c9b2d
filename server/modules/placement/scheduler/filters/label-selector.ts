import { PASS } from "../filter-result.js";
import type { Filter, LabelSelector, LabelSelectorRequirement } from "../types.js";

/** Own labels only: a selector on "constructor" must not find Object.prototype's. */
function labelValue(labels: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

function requirementHolds(requirement: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const value = labelValue(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      // Kubernetes semantics: a missing label is "not in" any set.
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    default: {
      const unknown: never = requirement.operator;
      throw new Error(`unknown label selector operator ${String(unknown)}`);
    }
  }
}

/** First unmet term of the selector, worded for an explanation; undefined when the labels match. */
export function unmetSelectorTerm(
  selector: LabelSelector,
  labels: Record<string, string>,
): string | undefined {
  const { matchLabels, matchExpressions } = selector;
  for (const key in matchLabels) {
    if (labelValue(labels, key) !== matchLabels[key]) return `label ${key} is not ${matchLabels[key]}`;
  }
  if (matchExpressions === undefined) return undefined;
  for (const requirement of matchExpressions) {
    if (!requirementHolds(requirement, labels)) {
      return `label ${requirement.key} fails ${requirement.operator} ${(requirement.values ?? []).join(",")}`.trim();
    }
  }
  return undefined;
}

/** matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist), all terms ANDed. */
export const labelSelector: Filter = (cluster, request) => {
  const selector = request.constraints.labelSelector;
  if (selector === undefined) return PASS;
  const unmet = unmetSelectorTerm(selector, cluster.labels);
  return unmet === undefined ? PASS : { ok: false, reason: unmet };
};
