import { ApiTokenEntity } from "../modules/api-tokens/api-token.entity.js";
import { canSeeCluster } from "../modules/clusters/cluster-queries.js";
import { clusterViewer } from "../modules/clusters/clusters.resolvers.js";
import { MemberClusterEntity } from "../modules/clusters/member-cluster.entity.js";
import { CooperativeEntity } from "../modules/cooperatives/cooperative.entity.js";
import { MembershipEntity } from "../modules/cooperatives/membership.entity.js";
import { PersonEntity } from "../modules/people/person.entity.js";
import { loadVisiblePlacementNode } from "../modules/placement/read/placement-node.js";
import type { GraphQLContext } from "./context.js";
import type { Resolvers, ResolversInterfaceTypes, ResolversTypes } from "./generated/resolvers-types.js";
import { parseGlobalId } from "./global-id.js";
import { DateTimeScalar, JsonScalar } from "./scalars.js";

type NodeModel = NonNullable<ResolversInterfaceTypes<ResolversTypes>["Node"]>;

/** Loads a node by type and ID if the viewer may see it; unknown or invisible nodes are null. */
async function loadNode(typeName: string, id: string, context: GraphQLContext): Promise<NodeModel | null> {
  const manager = context.dataSource.manager;
  switch (typeName) {
    case "Cooperative": {
      const cooperative = await manager.findOneBy(CooperativeEntity, { id });
      const visible =
        cooperative &&
        (cooperative.status === "approved" || context.policy.isSteward || context.policy.roleIn(id));
      return visible ? cooperative : null;
    }
    case "Person":
      return manager.findOneBy(PersonEntity, { id });
    case "Membership": {
      const membership = await manager.findOneBy(MembershipEntity, { id });
      return membership &&
        context.policy.can("cooperative.readMembers", { cooperativeId: membership.cooperativeId })
        ? membership
        : null;
    }
    case "ApiToken": {
      const token = await manager.findOneBy(ApiTokenEntity, { id });
      return token && token.personId === context.viewer?.person.id ? token : null;
    }
    case "MemberCluster": {
      const cluster = await manager.findOneBy(MemberClusterEntity, { id });
      return cluster && context.viewer && canSeeCluster(cluster, clusterViewer(context)) ? cluster : null;
    }
    case "Placement":
    case "PlacementWork":
      return loadVisiblePlacementNode(typeName, id, context);
    default:
      return null;
  }
}

export const rootResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JsonScalar,
  Query: {
    node: async (_parent, { id }, context) => {
      const parsed = parseGlobalId(id);
      if (!parsed) return null;
      const node = await loadNode(parsed.typeName, parsed.id, context);
      return node ? Object.assign(node, { __typename: parsed.typeName }) : null;
    },
  },
  Mutation: {
    ping: (_parent, _args, context) => {
      context.policy.requireViewer();
      return true;
    },
  },
  Node: {
    __resolveType: (node) => {
      const typeName = (node as { __typename?: string }).__typename;
      return typeName === "Cooperative" ||
        typeName === "Person" ||
        typeName === "Membership" ||
        typeName === "ApiToken" ||
        typeName === "MemberCluster" ||
        typeName === "Placement" ||
        typeName === "PlacementWork"
        ? typeName
        : null;
    },
  },
};
