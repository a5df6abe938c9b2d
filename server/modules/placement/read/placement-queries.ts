import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../../graphql/connection.js";
import { type Placement, PlacementEntity, type PlacementStatus } from "../model/placement.entity.js";

/** What the viewer may see, and how the list is narrowed. */
export interface PlacementListQuery {
  first: number;
  after?: string | null;
  viewer: { isSteward: boolean; cooperativeIds: string[] };
  /** The requesting cooperative. */
  cooperativeId?: string;
  /** Only placements with work (ever) on this cooperative's clusters. */
  providerCooperativeId?: string;
  statuses?: PlacementStatus[];
}

const RAN_ON = (parameter: string) =>
  `EXISTS (SELECT 1 FROM placement_work work
            WHERE work.placement_id = placement.id AND work.provider_cooperative_id = ANY(:${parameter}))`;

// Cursors carry JavaScript dates (milliseconds); ordering on the same precision keeps rows created within one
// millisecond from being skipped between pages.
const CREATED_MS = "date_trunc('milliseconds', placement.created_at)";

/**
 * Placements newest first (keyset on created_at, id). Visibility is part of the query, so pages are never short
 * because of invisible rows: a steward sees every placement, anyone else those of their cooperatives and those
 * that ran on their cooperatives' clusters.
 */
export async function listPlacements(
  manager: EntityManager,
  query: PlacementListQuery,
): Promise<Connection<Placement>> {
  const builder = manager.createQueryBuilder(PlacementEntity, "placement").where("1 = 1");
  if (!query.viewer.isSteward) {
    builder.andWhere(`(placement.cooperative_id = ANY(:mine) OR ${RAN_ON("mine")})`, {
      mine: query.viewer.cooperativeIds,
    });
  }
  if (query.cooperativeId) {
    builder.andWhere("placement.cooperative_id = :cooperativeId", { cooperativeId: query.cooperativeId });
  }
  if (query.providerCooperativeId) {
    builder.andWhere(RAN_ON("provider"), { provider: [query.providerCooperativeId] });
  }
  if (query.statuses && query.statuses.length > 0) {
    builder.andWhere("placement.status IN (:...statuses)", { statuses: query.statuses });
  }
  if (query.after) {
    const [createdAt, id] = decodeCursor(query.after, 2);
    builder.andWhere(`(${CREATED_MS}, placement.id) < (CAST(:createdAt AS timestamptz), :id)`, {
      createdAt,
      id,
    });
  }
  const rows = await builder
    .orderBy(CREATED_MS, "DESC")
    .addOrderBy("placement.id", "DESC")
    .limit(query.first + 1)
    .getMany();
  return toConnection(
    rows,
    query.first,
    (row) => [row.createdAt.toISOString(), row.id],
    Boolean(query.after),
  );
}
