import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { type CapacityOffer, CapacityOfferEntity } from "./capacity-offer.entity.js";

/** A cluster's offer versions, newest first, paginated by version. */
export async function listOfferHistory(
  manager: EntityManager,
  clusterId: string,
  first: number,
  after?: string | null,
): Promise<Connection<CapacityOffer>> {
  const builder = manager
    .createQueryBuilder(CapacityOfferEntity, "offer")
    .where("offer.cluster_id = :clusterId", { clusterId });
  if (after) {
    const [version] = decodeCursor(after, 1);
    builder.andWhere("offer.version < :version", { version: Number(version) });
  }
  const rows = await builder
    .orderBy("offer.version", "DESC")
    .take(first + 1)
    .getMany();
  return toConnection(rows, first, (row) => [row.version], Boolean(after));
}

export interface CapacityOfferListQuery {
  first: number;
  after?: string | null;
  cooperativeId?: string;
  includePaused: boolean;
}

/**
 * The federation's current offers: current versions that are active (or paused, on request) of clusters that are
 * accepted and not revoked. Newest first, keyset (createdAt, id).
 */
export async function listCapacityOffers(
  manager: EntityManager,
  query: CapacityOfferListQuery,
): Promise<Connection<CapacityOffer>> {
  const builder = manager
    .createQueryBuilder(CapacityOfferEntity, "offer")
    .innerJoin("offer.cluster", "cluster")
    .where("offer.superseded_at IS NULL")
    .andWhere("offer.status IN (:...statuses)", {
      statuses: query.includePaused ? ["active", "paused"] : ["active"],
    })
    .andWhere("cluster.acceptance = 'accepted' AND cluster.revoked_at IS NULL");
  if (query.cooperativeId) builder.andWhere("offer.cooperative_id = :cooperativeId", query);
  if (query.after) {
    const [createdAt, id] = decodeCursor(query.after, 2);
    builder.andWhere("(offer.created_at, offer.id) < (:createdAt, :id)", { createdAt, id });
  }
  const rows = await builder
    .orderBy("offer.created_at", "DESC")
    .addOrderBy("offer.id", "DESC")
    .take(query.first + 1)
    .getMany();
  return toConnection(
    rows,
    query.first,
    (row) => [row.createdAt.toISOString(), row.id],
    Boolean(query.after),
  );
}
