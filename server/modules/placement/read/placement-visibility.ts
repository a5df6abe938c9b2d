import type { GraphQLContext } from "../../../graphql/context.js";
import type { Placement } from "../model/placement.entity.js";
import { placementLoaders } from "./placement-loaders.js";

/** The cooperatives whose clusters run or ran part of a placement. */
export async function providerCooperativeIds(
  context: GraphQLContext,
  placementId: string,
): Promise<string[]> {
  const work = await placementLoaders(context).workByPlacement.load(placementId);
  return [...new Set(work.map((row) => row.providerCooperativeId))];
}

/**
 * Whether the viewer may see the placement (`placement.read`): its cooperative's members, members of a provider
 * cooperative, stewards. Never throws, so invisible placements read as null like other nodes.
 */
export async function canSeePlacement(context: GraphQLContext, placement: Placement): Promise<boolean> {
  if (!context.viewer) return false;
  const resource = { cooperativeId: placement.cooperativeId };
  if (context.policy.can("placement.read", resource)) return true;
  return context.policy.can("placement.read", {
    ...resource,
    providerCooperativeIds: await providerCooperativeIds(context, placement.id),
  });
}
