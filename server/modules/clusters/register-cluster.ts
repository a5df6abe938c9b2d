import type { EntityManager } from "typeorm";
import { hashSecret } from "../../auth/secrets.js";
import { conflict } from "../../errors.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { agentUnauthenticated } from "./agent-identity.js";
import { endCredentials, type IssuedCredential, issueCredential } from "./cluster-credentials.js";
import { type ClusterJoinToken, ClusterJoinTokenEntity } from "./cluster-join-token.entity.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { availableCondition, capacityFreshCondition } from "./lease-state.js";
import { setConditions } from "./conditions.js";
import { type MemberCluster, MemberClusterEntity } from "./member-cluster.entity.js";
import { recordClusterEvents } from "./record-cluster-event.js";
import { indexMemberCluster } from "./search/cluster-search-source.js";

/** What the agent presents. */
export interface Registration {
  clusterUid: string;
  kubernetesVersion: string;
  agentVersion: string;
}

/** Why a join token was refused (`extensions.reason`). */
export type JoinTokenRejection = "unknown" | "expired" | "used";

/** Finds a join token by its secret (locked for the caller's transaction); refuses unknown, used and expired ones. */
export async function claimJoinToken(
  manager: EntityManager,
  secret: string,
  now: Date,
  options: { lock: boolean } = { lock: true },
): Promise<ClusterJoinToken> {
  const token = await manager.findOne(ClusterJoinTokenEntity, {
    where: { secretHash: hashSecret(secret) },
    ...(options.lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!token) throw joinTokenRejected("unknown");
  if (token.usedAt) throw joinTokenRejected("used");
  if (token.expiresAt.getTime() <= now.getTime()) throw joinTokenRejected("expired");
  return token;
}

export function joinTokenRejected(reason: JoinTokenRejection) {
  const error = agentUnauthenticated("unknown");
  error.message =
    reason === "unknown"
      ? "Unknown join token"
      : reason === "used"
        ? "This join token was already used: create a new one"
        : "This join token has expired: create a new one";
  error.extensions.reason = reason;
  return error;
}

/**
 * Registers a cluster with a claimed join token. The same cluster (kube-system UID) joining its own cooperative
 * again keeps its identity, acceptance and history; its earlier credentials stop working. A UID registered by
 * another cooperative is a CONFLICT.
 */
export async function registerCluster(
  manager: EntityManager,
  context: { now: Date; requestId: string; settings: ClusterSettings },
  token: ClusterJoinToken,
  registration: Registration,
): Promise<{ cluster: MemberCluster; credential: IssuedCredential }> {
  const { now, settings } = context;
  const existing = await manager.findOne(MemberClusterEntity, {
    where: { clusterUid: registration.clusterUid },
    lock: { mode: "pessimistic_write" },
  });
  if (existing && existing.cooperativeId !== token.cooperativeId)
    throw conflict("This cluster is registered by another cooperative", {
      reason: "CLUSTER_REGISTERED_ELSEWHERE",
    });
  const sameName = await manager.findOneBy(MemberClusterEntity, {
    cooperativeId: token.cooperativeId,
    name: token.clusterName,
  });
  if (sameName && sameName.id !== existing?.id)
    throw conflict(`The cooperative already has a cluster named "${token.clusterName}"`, {
      reason: "NAME_TAKEN",
    });

  const fresh = {
    name: token.clusterName,
    kubernetesVersion: registration.kubernetesVersion,
    agentVersion: registration.agentVersion,
    registeredAt: now,
    revokedAt: null,
    // The agent has not renewed yet; if it never does, the sweeper reports the lease lost after the grace period.
    leaseRenewedAt: null,
    leaseExpiresAt: new Date(now.getTime() + settings.leaseSeconds * 1000),
    leaseLostAt: null,
    renewalStreak: 0,
    availability: "unknown" as const,
  };
  const conditions = setConditions(
    existing?.conditions ?? [],
    [
      availableCondition({ leaseLost: false, everRenewed: false, readyNodes: undefined }),
      capacityFreshCondition(existing?.latestReportReceivedAt ?? null, now, settings.statusIntervalSeconds),
    ],
    now,
  );
  const cluster = existing
    ? await manager.save(MemberClusterEntity, { ...existing, ...fresh, conditions })
    : await manager.save(MemberClusterEntity, {
        ...fresh,
        cooperativeId: token.cooperativeId,
        clusterUid: registration.clusterUid,
        labels: {},
        taints: [],
        acceptance: "pending",
        conditions,
      });
  if (existing) await endCredentials(manager, cluster.id, "reregistered", now);
  const credential = await issueCredential(manager, cluster.id, now, settings.credentialLifetimeHours);
  token.usedAt = now;
  token.clusterId = cluster.id;
  await manager.save(ClusterJoinTokenEntity, token);
  await indexMemberCluster(manager, cluster.id, now);
  await recordClusterEvents(manager, [
    {
      clusterId: cluster.id,
      occurredAt: now,
      type: existing ? "Reregistered" : "Registered",
      source: "agent",
      message: `Agent ${registration.agentVersion} registered the cluster (Kubernetes ${registration.kubernetesVersion})`,
      details: { joinTokenId: token.id, agentVersion: registration.agentVersion },
    },
  ]);
  await recordAuditEvent(
    manager,
    { personId: null, requestId: context.requestId, now },
    {
      action: existing ? "cluster.reregistered" : "cluster.registered",
      targetType: "MemberCluster",
      targetId: cluster.id,
      cooperativeId: cluster.cooperativeId,
      data: { name: cluster.name, clusterUid: cluster.clusterUid, joinTokenId: token.id },
    },
  );
  return { cluster, credential };
}
