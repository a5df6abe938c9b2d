import type { LoadedCandidates } from "../reserve/load-candidates.js";
import type { ClusterExplanation } from "../scheduler/schedule-result.js";

/** Entries of the explanation a NO_CAPACITY error carries; the stored decision keeps every cluster. */
export const MAX_ERROR_EXPLANATION = 50;

/** One line of the compact explanation: the cluster's name, and the filter that dropped it or its total. */
export interface CompactExplanation {
  cluster: string;
  filter?: string;
  reason?: string;
  total?: number;
}

/** What `extensions.explanation` of NO_CAPACITY holds. */
export interface NoCapacityExplanation {
  requestedReplicas: number;
  placeableReplicas: number;
  clusterCount: number;
  clusters: CompactExplanation[];
  /** Clusters dropped per filter, most first. */
  filterCounts: Array<{ filter: string; clusters: number }>;
}

/**
 * The explanation in a form small enough for an error: scored clusters first (as the scheduler ordered them),
 * at most {@link MAX_ERROR_EXPLANATION} entries, plus how many clusters each filter dropped.
 */
export function compactExplanation(
  explanation: readonly ClusterExplanation[],
  loaded: LoadedCandidates,
  replicas: { requested: number; placeable: number },
): NoCapacityExplanation {
  const counts = new Map<string, number>();
  for (const entry of explanation)
    if ("filtered" in entry) counts.set(entry.filtered.filter, (counts.get(entry.filtered.filter) ?? 0) + 1);
  const name = (id: string) => loaded.clusters.get(id)?.name ?? id;
  return {
    requestedReplicas: replicas.requested,
    placeableReplicas: replicas.placeable,
    clusterCount: explanation.length,
    clusters: explanation
      .slice(0, MAX_ERROR_EXPLANATION)
      .map((entry) =>
        "filtered" in entry
          ? { cluster: name(entry.clusterId), filter: entry.filtered.filter, reason: entry.filtered.reason }
          : { cluster: name(entry.clusterId), total: entry.total },
      ),
    filterCounts: [...counts]
      .map(([filter, clusters]) => ({ filter, clusters }))
      .sort((a, b) => b.clusters - a.clusters || a.filter.localeCompare(b.filter)),
  };
}
