import type { GraphQLContext } from "../../../graphql/context.js";
import { canSeeCluster } from "../../clusters/cluster-queries.js";
import { clusterViewer } from "../../clusters/clusters.resolvers.js";
import type { MemberCluster } from "../../clusters/member-cluster.entity.js";
import type { PlacementDecision } from "../model/placement-decision.entity.js";
import type { ClusterExplanation } from "../scheduler/schedule-result.js";
import { SCORER_NAMES } from "../scheduler/scorer-chain.js";

/** One explanation line as GraphQL serves it. */
export interface ExplanationView {
  cluster: MemberCluster | null;
  clusterName: string;
  cooperativeName: string;
  filtered: { filter: string; reason: string } | null;
  scores: Array<{ scorer: string; score: number; weight: number }>;
  total: number | null;
  chosenReplicas: number;
}

/**
 * Scores in the scheduler's reporting order (jsonb does not keep key order), then any names it does not know, so
 * an explanation stored by an older scheduler still shows everything.
 */
function scoresOf(
  scores: Record<string, number>,
  weights: Record<string, number> | undefined,
): Array<{ scorer: string; score: number; weight: number }> {
  const known: readonly string[] = SCORER_NAMES;
  const names = [
    ...known.filter((name) => name in scores),
    ...Object.keys(scores).filter((name) => !known.includes(name)),
  ];
  return names.map((scorer) => ({ scorer, score: scores[scorer], weight: weights?.[scorer] ?? 1 }));
}

/** 0: chosen, 1: scored but not chosen, 2: filtered. */
function rank(line: ClusterExplanation): number {
  if ("filtered" in line) return 2;
  return line.chosenReplicas > 0 ? 0 : 1;
}

/** Chosen first, then the other scored clusters, then filtered ones; the stored order within each group. */
export function orderExplanation(explanation: readonly ClusterExplanation[]): ClusterExplanation[] {
  return explanation
    .map((line, index) => ({ line, index }))
    .sort((left, right) => rank(left.line) - rank(right.line) || left.index - right.index)
    .map(({ line }) => line);
}

/**
 * The decision's explanation lines, resolved for the viewer: cluster and cooperative names come from one batched
 * query each (the request's loaders), not one per cluster. The `cluster` object itself is given only when the
 * viewer may see that cluster; the name is always given.
 */
export async function explanationViews(
  decision: PlacementDecision,
  options: { first?: number | null; filteredOnly?: boolean | null },
  context: GraphQLContext,
): Promise<ExplanationView[]> {
  let lines = orderExplanation(decision.explanation ?? []);
  if (options.filteredOnly) lines = lines.filter((line) => "filtered" in line);
  if (options.first !== null && options.first !== undefined)
    lines = lines.slice(0, Math.max(0, options.first));
  const clusters = await context.loaders.memberClusterById.loadMany(lines.map((line) => line.clusterId));
  const found = clusters.map((cluster) => (cluster instanceof Error ? null : cluster));
  const cooperatives = await context.loaders.cooperativeById.loadMany(
    found.filter((cluster) => cluster !== null).map((cluster) => cluster.cooperativeId),
  );
  const cooperativeNames = new Map(
    cooperatives.flatMap((cooperative) =>
      cooperative && !(cooperative instanceof Error) ? [[cooperative.id, cooperative.name] as const] : [],
    ),
  );
  const viewer = clusterViewer(context);
  return lines.map((line, index) => {
    const cluster = found[index];
    const scored = "filtered" in line ? null : line;
    return {
      cluster: cluster && canSeeCluster(cluster, viewer) ? cluster : null,
      clusterName: cluster?.name ?? "(removed cluster)",
      cooperativeName: (cluster && cooperativeNames.get(cluster.cooperativeId)) ?? "",
      filtered: "filtered" in line ? line.filtered : null,
      scores: scored ? scoresOf(scored.scores, decision.weights) : [],
      total: scored ? scored.total : null,
      chosenReplicas: scored ? scored.chosenReplicas : 0,
    };
  });
}

/** How many clusters each filter dropped, most first. */
export function filterCounts(
  explanation: readonly ClusterExplanation[],
): Array<{ filter: string; clusters: number }> {
  const counts = new Map<string, number>();
  for (const line of explanation) {
    if ("filtered" in line) counts.set(line.filtered.filter, (counts.get(line.filtered.filter) ?? 0) + 1);
  }
  return [...counts]
    .map(([filter, clusters]) => ({ filter, clusters }))
    .sort((left, right) => right.clusters - left.clusters || left.filter.localeCompare(right.filter));
}
