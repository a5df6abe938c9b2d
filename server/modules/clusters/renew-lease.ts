import type { EntityManager } from "typeorm";
import { notFound } from "../../errors.js";
import type { AgentIdentity } from "./agent-identity.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { changedConditions, findCondition } from "./conditions.js";
import { type LeaseState, renewLeaseState } from "./lease-state.js";
import { type MemberCluster, MemberClusterEntity } from "./member-cluster.entity.js";
import { type ClusterEventEntry, recordClusterEvents } from "./record-cluster-event.js";

/** Reads the cluster row an agent acts on, locked for the rest of the transaction. */
export async function lockCluster(manager: EntityManager, clusterId: string): Promise<MemberCluster> {
  const cluster = await manager.findOne(MemberClusterEntity, {
    where: { id: clusterId },
    lock: { mode: "pessimistic_write" },
  });
  if (!cluster) throw notFound("MemberCluster");
  return cluster;
}

/** The lease part of a cluster row. */
export function leaseStateOf(cluster: MemberCluster): LeaseState {
  return {
    conditions: cluster.conditions,
    taints: cluster.taints,
    leaseRenewedAt: cluster.leaseRenewedAt,
    leaseExpiresAt: cluster.leaseExpiresAt,
    leaseLostAt: cluster.leaseLostAt,
    renewalStreak: cluster.renewalStreak,
  };
}

/** Events for every condition whose status changed. */
export function transitionEvents(
  cluster: MemberCluster,
  before: MemberCluster["conditions"],
  after: MemberCluster["conditions"],
  now: Date,
): ClusterEventEntry[] {
  // A condition set for the first time is not a transition, except Available: its first value is news.
  const changed = changedConditions(before, after).filter(
    (condition) => condition.type === "Available" || findCondition(before, condition.type) !== undefined,
  );
  return changed.map((condition) => ({
    clusterId: cluster.id,
    occurredAt: now,
    type: `${condition.type}${condition.status}`,
    source: "hub" as const,
    message: condition.message,
    details: { reason: condition.reason, from: findCondition(before, condition.type)?.status ?? "none" },
  }));
}

/** The Available status as stored in the filter column. */
export function availabilityOf(conditions: MemberCluster["conditions"]): MemberCluster["availability"] {
  const status = findCondition(conditions, "Available")?.status;
  return status === "True" ? "true" : status === "False" ? "false" : "unknown";
}

/**
 * A lease renewal: one locked read and one update of the cluster row, plus events only when a condition's status
 * changed. Heartbeats are telemetry, not audited changes: they would bury the audit log.
 */
export async function renewLease(
  manager: EntityManager,
  agent: AgentIdentity,
  facts: { now: Date; agentTime: Date },
  settings: ClusterSettings,
): Promise<MemberCluster> {
  const cluster = await lockCluster(manager, agent.clusterId);
  const ready = (cluster.latestReport?.nodes as { ready?: number } | undefined)?.ready;
  const { state, transition } = renewLeaseState(
    leaseStateOf(cluster),
    {
      now: facts.now,
      agentTime: facts.agentTime,
      credentialExpiresAt: agent.credentialExpiresAt,
      latestReportReceivedAt: cluster.latestReportReceivedAt,
      readyNodes: ready,
    },
    settings,
  );
  const events = transitionEvents(cluster, cluster.conditions, state.conditions, facts.now);
  if (transition)
    events.unshift({ clusterId: cluster.id, occurredAt: facts.now, source: "hub", ...transition });
  const availability = availabilityOf(state.conditions);
  await manager.update(MemberClusterEntity, { id: cluster.id }, { ...state, availability });
  await recordClusterEvents(manager, events);
  return { ...cluster, ...state, availability };
}
