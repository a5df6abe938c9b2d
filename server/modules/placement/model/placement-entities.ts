import { PlacementDecisionEntity } from "./placement-decision.entity.js";
import { PlacementEntity } from "./placement.entity.js";
import { PlacementWorkEntity } from "./placement-work.entity.js";

/** The placement module's tables. */
export const PLACEMENT_ENTITIES = [PlacementEntity, PlacementDecisionEntity, PlacementWorkEntity];
