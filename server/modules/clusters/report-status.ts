import type { EntityManager } from "typeorm";
import { forbidden } from "../../errors.js";
import type { AgentIdentity } from "./agent-identity.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { setConditions } from "./conditions.js";
import { availableCondition, capacityFreshCondition } from "./lease-state.js";
import { MemberClusterEntity } from "./member-cluster.entity.js";
import { recordClusterEvents } from "./record-cluster-event.js";
import { availabilityOf, lockCluster, transitionEvents } from "./renew-lease.js";
import { sampleFigures } from "./status-history.js";
import type { ValidStatusReport } from "./status-report-schema.js";
import { type RunningBlueprint, replaceRunningBlueprints } from "./running-blueprints.js";
import { indexMemberCluster } from "./search/cluster-search-source.js";

/**
 * Stores a validated status report as the cluster's latest and as a point of its history, and replaces the
 * blueprint versions the cluster runs when the report lists them, in one transaction:
 * once the agent has the answer, the report is durable. A report older than the stored one (a late retry) is
 * acknowledged but not applied.
 */
export async function reportStatus(
  manager: EntityManager,
  agent: AgentIdentity,
  input: {
    clusterUid: string;
    observedAt: Date;
    report: ValidStatusReport;
    blueprints?: readonly RunningBlueprint[] | null;
    now: Date;
  },
  settings: ClusterSettings,
): Promise<{ applied: boolean }> {
  const cluster = await lockCluster(manager, agent.clusterId);
  if (cluster.clusterUid !== input.clusterUid)
    throw forbidden("This credential belongs to another cluster: an agent reports only for its own cluster");
  if (
    cluster.latestReportObservedAt &&
    cluster.latestReportObservedAt.getTime() >= input.observedAt.getTime()
  )
    return { applied: false };
  const { now } = input;
  const conditions = setConditions(
    cluster.conditions,
    [
      capacityFreshCondition(now, now, settings.statusIntervalSeconds),
      availableCondition({
        leaseLost: cluster.leaseLostAt !== null,
        everRenewed: cluster.leaseRenewedAt !== null,
        readyNodes: input.report.nodes.ready,
      }),
    ],
    now,
  );
  await manager.update(
    MemberClusterEntity,
    { id: cluster.id },
    {
      latestReport: input.report,
      latestReportObservedAt: input.observedAt,
      latestReportReceivedAt: now,
      kubernetesVersion: input.report.kubernetesVersion,
      conditions,
      availability: availabilityOf(conditions),
    },
  );
  if (cluster.kubernetesVersion !== input.report.kubernetesVersion)
    await indexMemberCluster(manager, cluster.id, now);
  await manager.query(
    `INSERT INTO cluster_status_sample (cluster_id, resolution, observed_at, figures) VALUES ($1, 'raw', $2, $3)
     ON CONFLICT DO NOTHING`,
    [cluster.id, input.observedAt, JSON.stringify(sampleFigures(input.report))],
  );
  // Only a current report replaces the blueprints: an older agent that does not send them keeps the last set.
  if (input.blueprints) await replaceRunningBlueprints(manager, cluster.id, input.blueprints);
  await recordClusterEvents(manager, transitionEvents(cluster, cluster.conditions, conditions, now));
  return { applied: true };
}
