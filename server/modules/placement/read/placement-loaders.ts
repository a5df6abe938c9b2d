import DataLoader from "dataloader";
import { type DataSource, In } from "typeorm";
import type { GraphQLContext } from "../../../graphql/context.js";
import { type PlacementDecision, PlacementDecisionEntity } from "../model/placement-decision.entity.js";
import { type PlacementWork, PlacementWorkEntity } from "../model/placement-work.entity.js";
import { queuePositions } from "./queue-position.js";

/** Per-request batching of what a page of placements needs: one query per kind, not one per placement. */
export interface PlacementLoaders {
  /** Every work row of a placement (released ones too): current, then being removed, then released. */
  workByPlacement: DataLoader<string, PlacementWork[]>;
  /** The latest decision of a placement. */
  latestDecision: DataLoader<string, PlacementDecision | null>;
  /** 1-based position of a queued placement; null when it is not queued. */
  queuePosition: DataLoader<string, number | null>;
}

function group<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const grouped = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key) ?? []);
}

/** 0: current (PRESENT), 1: being removed (ABSENT, not released yet), 2: released. */
const stage = (work: PlacementWork) =>
  work.releasedAt !== null ? 2 : work.desiredState === "absent" ? 1 : 0;

/** Current work first, then work being removed, then released; newest first within each, then by id. */
function currentThenRemoved(left: PlacementWork, right: PlacementWork): number {
  const byStage = stage(left) - stage(right);
  if (byStage !== 0) return byStage;
  const age = right.createdAt.getTime() - left.createdAt.getTime();
  return age !== 0 ? age : left.id.localeCompare(right.id);
}

function createPlacementLoaders(dataSource: DataSource, now: () => Date): PlacementLoaders {
  const manager = dataSource.manager;
  return {
    workByPlacement: new DataLoader(async (ids) => {
      const rows = await manager.findBy(PlacementWorkEntity, { placementId: In([...ids]) });
      return group(rows.sort(currentThenRemoved), (row) => row.placementId, ids);
    }),
    latestDecision: new DataLoader(async (ids) => {
      const rows = await manager
        .createQueryBuilder(PlacementDecisionEntity, "decision")
        .distinctOn(["decision.placement_id"])
        .where("decision.placement_id IN (:...ids)", { ids: [...ids] })
        .orderBy("decision.placement_id")
        .addOrderBy("decision.decided_at", "DESC")
        .addOrderBy("decision.id", "DESC")
        .getMany();
      return group(rows, (row) => row.placementId, ids).map((found) => found[0] ?? null);
    }),
    // The whole queue is ordered once per request, whatever the number of queued placements asked about.
    queuePosition: new DataLoader(async (ids) => {
      const positions = await queuePositions(manager, now());
      return ids.map((id) => positions.get(id) ?? null);
    }),
  };
}

const PER_REQUEST = new WeakMap<object, PlacementLoaders>();

/** The placement loaders of this request (created on first use, keyed by the request's loaders object). */
export function placementLoaders(context: GraphQLContext): PlacementLoaders {
  let loaders = PER_REQUEST.get(context.loaders);
  if (!loaders) {
    loaders = createPlacementLoaders(context.dataSource, () => context.clock.now());
    PER_REQUEST.set(context.loaders, loaders);
  }
  return loaders;
}
