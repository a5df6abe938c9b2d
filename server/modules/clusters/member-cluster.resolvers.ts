import { badUserInput, notFound } from "../../errors.js";
import { pageSize } from "../../graphql/connection.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { currentCredentialExpiry } from "./cluster-credentials.js";
import { listClusterEvents } from "./cluster-queries.js";
import { DEFAULT_CLUSTER_SETTINGS } from "./cluster-settings.js";
import { readHistory } from "./history-queries.js";
import type { MemberCluster } from "./member-cluster.entity.js";
import type { ValidStatusReport } from "./status-report-schema.js";

const CORE_RESOURCES = ["cpu", "memory", "ephemeral-storage", "pods"] as const;
const MAX_HISTORY_RANGE_MS = 90 * 86_400_000;

function capacityOf(cluster: MemberCluster) {
  if (!cluster.latestReport || !cluster.latestReportObservedAt || !cluster.latestReportReceivedAt)
    return null;
  const report = cluster.latestReport as unknown as ValidStatusReport;
  return {
    observedAt: cluster.latestReportObservedAt,
    receivedAt: cluster.latestReportReceivedAt,
    kubernetesVersion: report.kubernetesVersion,
    nodes: report.nodes,
    // jsonb keeps keys in its own order: list the core resources in the agent's order.
    resources: CORE_RESOURCES.map((resource) => ({ resource, ...report.resources[resource] })),
    gpus: Object.entries(report.gpus)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([resource, figures]) => ({ resource, ...figures })),
    freeNodeShapes: report.freeNodeShapes,
    report,
  };
}

export const memberClusterResolvers: Resolvers = {
  MemberCluster: {
    id: (cluster) => toGlobalId("MemberCluster", cluster.id),
    cooperative: async (cluster, _args, context) => {
      const cooperative = await context.loaders.cooperativeById.load(cluster.cooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return cooperative;
    },
    acceptance: (cluster) => toGraphqlEnum(cluster.acceptance),
    availability: (cluster) => toGraphqlEnum(cluster.availability),
    conditions: (cluster) =>
      cluster.conditions.map((condition) => ({
        ...condition,
        lastTransitionTime: new Date(condition.lastTransitionTime),
      })),
    taints: (cluster) => cluster.taints.map((taint) => ({ ...taint, timeAdded: new Date(taint.timeAdded) })),
    labels: (cluster) =>
      Object.entries(cluster.labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value })),
    lease: (cluster) => ({
      renewedAt: cluster.leaseRenewedAt,
      expiresAt: cluster.leaseExpiresAt,
      lostAt: cluster.leaseLostAt,
      leaseSeconds: DEFAULT_CLUSTER_SETTINGS.leaseSeconds,
      graceSeconds: DEFAULT_CLUSTER_SETTINGS.graceSeconds,
    }),
    capacity: (cluster) => capacityOf(cluster),
    events: (cluster, { first, after }, context) =>
      listClusterEvents(context.dataSource.manager, cluster.id, pageSize(first), after),
    history: async (cluster, { from, to }, context) => {
      if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > MAX_HISTORY_RANGE_MS)
        throw badUserInput("from must be before to, at most 90 days apart", [
          { field: "from", message: "before to, at most 90 days apart" },
        ]);
      const points = await readHistory(context.dataSource.manager, cluster.id, from, to);
      return points.map((point) => ({ at: point.at, ...point.figures }));
    },
    credentialExpiresAt: (cluster, _args, context) =>
      context.policy.can("cluster.readCredential", { cooperativeId: cluster.cooperativeId })
        ? currentCredentialExpiry(context.dataSource.manager, cluster.id, context.clock.now())
        : null,
  },
  ClusterEvent: {
    id: (event) => toGlobalId("ClusterEvent", event.id),
    source: (event) => toGraphqlEnum(event.source),
    actor: (event, _args, context) => (event.actorId ? context.loaders.personById.load(event.actorId) : null),
  },
};
