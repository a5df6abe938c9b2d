import type { EntityManager } from "typeorm";
import { generateSecret, hashSecret } from "../../auth/secrets.js";
import { conflict, notFound } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import { type ClusterJoinToken, ClusterJoinTokenEntity } from "./cluster-join-token.entity.js";
import { JOIN_TOKEN_PREFIX } from "./cluster-settings.js";

/** A fresh join token: the secret is returned once and never stored. */
export interface CreatedJoinToken {
  joinToken: ClusterJoinToken;
  secret: string;
}

/**
 * Creates a single-use join token for a named cluster of a cooperative. The name may be that of an existing
 * cluster (joining it again); whether it belongs to another cluster is known only when the agent presents the
 * cluster's UID at registration.
 */
export async function createJoinToken(
  manager: EntityManager,
  actor: Actor & { personId: string },
  request: { cooperativeId: string; clusterName: string; expiresInMinutes: number },
): Promise<CreatedJoinToken> {
  const cooperative = await manager.findOneBy(CooperativeEntity, { id: request.cooperativeId });
  if (!cooperative) throw notFound("Cooperative");
  if (cooperative.status !== "approved")
    throw conflict("Only an approved cooperative can join clusters", { reason: "COOPERATIVE_NOT_APPROVED" });
  const secret = generateSecret(JOIN_TOKEN_PREFIX);
  const joinToken = await manager.save(ClusterJoinTokenEntity, {
    cooperativeId: request.cooperativeId,
    clusterName: request.clusterName,
    secretHash: hashSecret(secret),
    createdById: actor.personId,
    expiresAt: new Date(actor.now.getTime() + request.expiresInMinutes * 60_000),
    usedAt: null,
    clusterId: null,
  });
  await recordAuditEvent(manager, actor, {
    action: "cluster.join_token_created",
    targetType: "ClusterJoinToken",
    targetId: joinToken.id,
    cooperativeId: request.cooperativeId,
    data: { clusterName: request.clusterName, expiresAt: joinToken.expiresAt.toISOString() },
  });
  return { joinToken, secret };
}
