import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { workResolvers } from "./work.resolvers.js";

/** Resolvers of work delivery (the agent's side of placements). */
export const WORK_RESOLVERS: Resolvers[] = [workResolvers];
