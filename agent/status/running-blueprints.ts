import type { ClusterSnapshot } from "../cluster/cluster-source.js";

/** Label naming the blueprint a resource belongs to (put it on the pods or the namespace a blueprint installs). */
export const BLUEPRINT_NAME_LABEL = "blueprint.alliance-hub/name";
/** Label naming the blueprint's version, next to {@link BLUEPRINT_NAME_LABEL}. */
export const BLUEPRINT_VERSION_LABEL = "blueprint.alliance-hub/version";
/** Most pairs one report carries (the hub refuses more). */
export const MAX_RUNNING_BLUEPRINTS = 200;

/** A blueprint name and version found on the cluster (`ReportStatusInput.blueprints`). */
export interface RunningBlueprint {
  name: string;
  version: string;
}

// What the hub accepts: a DNS label, and SemVer 2 without build metadata (label values cannot hold `+`).
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NUMBER = "(0|[1-9]\\d*)";
const VERSION = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$`);

function pairOf(labels: Record<string, string> | undefined): RunningBlueprint | undefined {
  const name = labels?.[BLUEPRINT_NAME_LABEL];
  const version = labels?.[BLUEPRINT_VERSION_LABEL];
  if (!name || !version || name.length > 63 || version.length > 63) return undefined;
  return NAME.test(name) && VERSION.test(version) ? { name, version } : undefined;
}

/**
 * The distinct blueprint name/version pairs labelled on the cluster's non-terminated pods and its namespaces,
 * sorted, at most {@link MAX_RUNNING_BLUEPRINTS}. Resources with only one of the two labels, or values the hub
 * would refuse (a label is anyone's to set), are skipped rather than failing the whole report.
 */
export function runningBlueprints(snapshot: ClusterSnapshot): RunningBlueprint[] {
  const found = new Map<string, RunningBlueprint>();
  const labelled = [
    ...snapshot.pods.map((pod) => pod.labels),
    ...(snapshot.namespaces ?? []).map((namespace) => namespace.labels),
  ];
  for (const labels of labelled) {
    const pair = pairOf(labels);
    if (pair) found.set(`${pair.name}@${pair.version}`, pair);
  }
  return [...found.values()]
    .sort((left, right) =>
      left.name === right.name ? (left.version < right.version ? -1 : 1) : left.name < right.name ? -1 : 1,
    )
    .slice(0, MAX_RUNNING_BLUEPRINTS);
}

/** Whether two sorted lists name the same pairs (a changed set is worth a report at once). */
export function sameBlueprints(
  left: readonly RunningBlueprint[],
  right: readonly RunningBlueprint[],
): boolean {
  return (
    left.length === right.length &&
    left.every((pair, index) => pair.name === right[index].name && pair.version === right[index].version)
  );
}
