import type { EntityManager } from "typeorm";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { endCredentials } from "./cluster-credentials.js";
import { type ClusterAcceptance, type MemberCluster, MemberClusterEntity } from "./member-cluster.entity.js";
import { recordClusterEvents } from "./record-cluster-event.js";
import { clearRunningBlueprints } from "./running-blueprints.js";
import { addTaint, hasTaint, MAINTENANCE_TAINT, removeTaint } from "./taints.js";
import { indexMemberCluster } from "./search/cluster-search-source.js";
import { releaseRevokedClusterWork } from "../placement/work/release-revoked-cluster-work.js";

type PersonActor = Actor & { personId: string };

/** Loads a cluster for a change, locked for the caller's transaction. */
export async function findClusterForUpdate(manager: EntityManager, id: string): Promise<MemberCluster> {
  const cluster = await manager.findOne(MemberClusterEntity, {
    where: { id },
    lock: { mode: "pessimistic_write" },
  });
  if (!cluster) throw notFound("MemberCluster");
  return cluster;
}

async function saveWithEvent(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  change: { action: string; eventType: string; message: string; data: Record<string, unknown> },
): Promise<MemberCluster> {
  const saved = await manager.save(MemberClusterEntity, cluster);
  await recordClusterEvents(manager, [
    {
      clusterId: cluster.id,
      occurredAt: actor.now,
      type: change.eventType,
      source: "person",
      message: change.message,
      details: change.data,
      actorId: actor.personId,
    },
  ]);
  await recordAuditEvent(manager, actor, {
    action: change.action,
    targetType: "MemberCluster",
    targetId: cluster.id,
    cooperativeId: cluster.cooperativeId,
    data: { name: cluster.name, ...change.data },
  });
  await indexMemberCluster(manager, cluster.id, actor.now);
  return saved;
}

const DECISIONS: Record<
  "accept" | "deny" | "unaccept",
  { from: ClusterAcceptance[]; to: ClusterAcceptance; event: string }
> = {
  accept: { from: ["pending", "denied"], to: "accepted", event: "Accepted" },
  deny: { from: ["pending"], to: "denied", event: "Denied" },
  unaccept: { from: ["accepted"], to: "pending", event: "Unaccepted" },
};

/** A steward's acceptance decision (double opt-in); a decision that does not fit the current state is a CONFLICT. */
export async function decideMemberCluster(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  decision: keyof typeof DECISIONS,
  note: string | null,
): Promise<MemberCluster> {
  const rule = DECISIONS[decision];
  if (cluster.revokedAt) throw conflict("This cluster was revoked", { reason: "REVOKED" });
  if (!rule.from.includes(cluster.acceptance))
    throw conflict(
      `A ${cluster.acceptance} cluster cannot be ${rule.to === "pending" ? "un-accepted" : rule.to}`,
      {
        reason: "STATE_CHANGED",
      },
    );
  const from = cluster.acceptance;
  // A denied cluster's blueprints must not count if it is accepted later: its next report lists them again.
  if (rule.to === "denied") await clearRunningBlueprints(manager, cluster.id);
  Object.assign(cluster, {
    acceptance: rule.to,
    acceptanceDecidedById: actor.personId,
    acceptanceDecidedAt: actor.now,
    acceptanceNote: note,
  });
  return saveWithEvent(manager, actor, cluster, {
    action: `cluster.${decision}ed`,
    eventType: rule.event,
    message: note ? `${rule.event} by a steward: ${note}` : `${rule.event} by a steward`,
    data: { from, to: rule.to },
  });
}

/** Replaces the labels. */
export async function setClusterLabels(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  labels: Record<string, string>,
): Promise<MemberCluster> {
  const before = cluster.labels;
  cluster.labels = labels;
  return saveWithEvent(manager, actor, cluster, {
    action: "cluster.labels_changed",
    eventType: "LabelsChanged",
    message: "Labels changed",
    data: { from: before, to: labels },
  });
}

/** Sets or clears the maintenance taint (NoSchedule: placement stops sending work, running work stays). */
export async function setClusterMaintenance(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  maintenance: boolean,
  reason: string | null,
): Promise<MemberCluster> {
  if (hasTaint(cluster.taints, MAINTENANCE_TAINT) === maintenance) return cluster;
  cluster.taints = maintenance
    ? addTaint(
        cluster.taints,
        { key: MAINTENANCE_TAINT, value: reason ?? "", effect: "NoSchedule" },
        actor.now,
      )
    : removeTaint(cluster.taints, MAINTENANCE_TAINT);
  return saveWithEvent(manager, actor, cluster, {
    action: maintenance ? "cluster.maintenance_started" : "cluster.maintenance_ended",
    eventType: maintenance ? "MaintenanceStarted" : "MaintenanceEnded",
    message: reason ? `Maintenance: ${reason}` : maintenance ? "Maintenance started" : "Maintenance ended",
    data: { reason },
  });
}

/**
 * Revokes a cluster: every credential stops working at once (the agent stops with reason `revoked` on its next
 * request), the lease is no longer watched and the cluster leaves the federation. Joining again needs a new token.
 */
export async function revokeMemberCluster(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  reason: string | null,
): Promise<MemberCluster> {
  if (cluster.revokedAt) throw conflict("This cluster is already revoked", { reason: "REVOKED" });
  await endCredentials(manager, cluster.id, "revoked", actor.now);
  await clearRunningBlueprints(manager, cluster.id);
  await releaseRevokedClusterWork(manager, actor, cluster.id);
  Object.assign(cluster, {
    revokedAt: actor.now,
    leaseExpiresAt: null,
    acceptance: cluster.acceptance === "accepted" ? "pending" : cluster.acceptance,
  });
  return saveWithEvent(manager, actor, cluster, {
    action: "cluster.revoked",
    eventType: "Revoked",
    message: reason ? `Credentials revoked: ${reason}` : "Credentials revoked",
    data: { reason },
  });
}
