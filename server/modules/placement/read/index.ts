import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { placementDecisionResolvers } from "./placement-decision.resolvers.js";
import { placementWorkResolvers } from "./placement-work.resolvers.js";
import { placementReadResolvers } from "./placement.resolvers.js";

/** Every resolver map of reading placements (writing them lives beside, in the write side). */
export const PLACEMENT_READ_RESOLVERS: Resolvers[] = [
  placementReadResolvers,
  placementWorkResolvers,
  placementDecisionResolvers,
];
