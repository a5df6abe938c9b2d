import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { agentResolvers } from "./agent.resolvers.js";
import { clusterResolvers } from "./clusters.resolvers.js";
import { memberClusterResolvers } from "./member-cluster.resolvers.js";

/** Every resolver map of the member cluster registry. */
export const CLUSTER_RESOLVERS: Resolvers[] = [clusterResolvers, memberClusterResolvers, agentResolvers];
