import { type EntityManager, IsNull } from "typeorm";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import type { MemberCluster } from "../clusters/member-cluster.entity.js";
import { recordClusterEvents } from "../clusters/record-cluster-event.js";
import { type CapacityOffer, CapacityOfferEntity, type OfferStatus } from "./capacity-offer.entity.js";
import type { OfferTerms, StoredTerms } from "./validate-offer.js";

type PersonActor = Actor & { personId: string };

/** Only an accepted cluster that was not revoked is part of the federation, so only it can be offered. */
export function assertOfferable(cluster: MemberCluster): void {
  if (cluster.revokedAt) throw conflict("This cluster was revoked", { reason: "REVOKED" });
  if (cluster.acceptance !== "accepted")
    throw conflict(`A ${cluster.acceptance} cluster cannot be offered; a steward must accept it first`, {
      reason: "NOT_ACCEPTED",
    });
}

/** The cluster's current offer version (any status), or null when it was never offered. */
export function findCurrentOffer(manager: EntityManager, clusterId: string): Promise<CapacityOffer | null> {
  return manager.findOneBy(CapacityOfferEntity, { clusterId, supersededAt: IsNull() });
}

/**
 * Writes the next version of a cluster's offer. The caller holds the cluster's row lock (`findClusterForUpdate`),
 * so versions are handed out one at a time; the partial unique index on the current version backs that up. The
 * previous version is marked superseded (never changed otherwise), so history stays as it was offered.
 */
export async function writeOfferVersion(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  terms: StoredTerms,
  status: OfferStatus,
  action: "capacityOffer.set" | "capacityOffer.withdraw",
  current: CapacityOffer | null,
): Promise<CapacityOffer> {
  if (current) await manager.update(CapacityOfferEntity, { id: current.id }, { supersededAt: actor.now });
  const offer = await manager.save(CapacityOfferEntity, {
    clusterId: cluster.id,
    cooperativeId: cluster.cooperativeId,
    version: (current?.version ?? 0) + 1,
    status,
    ...terms,
    createdById: actor.personId,
    createdAt: actor.now,
    supersededAt: null,
  });
  const summary = { version: offer.version, status, previousVersion: current?.version ?? null };
  await recordClusterEvents(manager, [
    {
      clusterId: cluster.id,
      occurredAt: actor.now,
      type: status === "withdrawn" ? "OfferWithdrawn" : "OfferChanged",
      source: "person",
      message: `Capacity offer version ${offer.version} (${status})`,
      details: summary,
      actorId: actor.personId,
    },
  ]);
  await recordAuditEvent(manager, actor, {
    action,
    targetType: "MemberCluster",
    targetId: cluster.id,
    cooperativeId: cluster.cooperativeId,
    data: { name: cluster.name, offerId: offer.id, ...summary },
  });
  return offer;
}

/**
 * `setCapacityOffer`: the next version with the given terms. `expectedVersion` (the version the editor showed)
 * turns a concurrent change by another admin into a CONFLICT instead of silently overwriting it.
 */
export async function setCapacityOffer(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
  terms: OfferTerms,
): Promise<CapacityOffer> {
  assertOfferable(cluster);
  const current = await findCurrentOffer(manager, cluster.id);
  if (terms.expectedVersion !== null && (current?.version ?? 0) !== terms.expectedVersion)
    throw conflict(`The offer is at version ${current?.version ?? 0}, not ${terms.expectedVersion}`, {
      reason: "STATE_CHANGED",
    });
  const { paused, expectedVersion: _expected, ...stored } = terms;
  return writeOfferVersion(
    manager,
    actor,
    cluster,
    stored,
    paused ? "paused" : "active",
    "capacityOffer.set",
    current,
  );
}

/** `withdrawCapacityOffer`: a last version with status withdrawn (terms kept for the record). */
export async function withdrawCapacityOffer(
  manager: EntityManager,
  actor: PersonActor,
  cluster: MemberCluster,
): Promise<CapacityOffer> {
  const current = await findCurrentOffer(manager, cluster.id);
  if (!current || current.status === "withdrawn")
    throw conflict("This cluster has no offer to withdraw", { reason: "NO_OFFER" });
  const { caps, freeSharePercent, allow, deny, windows, preemptible, gracePeriodSeconds } = current;
  const terms = { caps, freeSharePercent, allow, deny, windows, preemptible, gracePeriodSeconds };
  return writeOfferVersion(manager, actor, cluster, terms, "withdrawn", "capacityOffer.withdraw", current);
}
