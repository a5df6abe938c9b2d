import type { GraphQLContext } from "../../../graphql/context.js";
import { type Placement, PlacementEntity } from "../model/placement.entity.js";
import { type PlacementWork, PlacementWorkEntity } from "../model/placement-work.entity.js";
import { canSeePlacement } from "./placement-visibility.js";

/** `node(id)` for placements and their work: null when missing or not visible (work follows its placement). */
export async function loadVisiblePlacementNode(
  typeName: "Placement" | "PlacementWork",
  id: string,
  context: GraphQLContext,
): Promise<Placement | PlacementWork | null> {
  const manager = context.dataSource.manager;
  if (typeName === "Placement") {
    const placement = await manager.findOneBy(PlacementEntity, { id });
    return placement && (await canSeePlacement(context, placement)) ? placement : null;
  }
  const work = await manager.findOneBy(PlacementWorkEntity, { id });
  const placement = work && (await manager.findOneBy(PlacementEntity, { id: work.placementId }));
  return work && placement && (await canSeePlacement(context, placement)) ? { ...work, placement } : null;
}
