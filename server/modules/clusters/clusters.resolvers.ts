import type { EntityManager } from "typeorm";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { pageSize } from "../../graphql/connection.js";
import { fromGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { z } from "zod";
import {
  decideMemberCluster,
  findClusterForUpdate,
  revokeMemberCluster,
  setClusterLabels,
  setClusterMaintenance,
} from "./cluster-commands.js";
import { createJoinTokenInput, maintenanceInput, note, setLabelsInput } from "./cluster-input.js";
import { canSeeCluster, type ClusterViewer, countClusterFit, listMemberClusters } from "./cluster-queries.js";
import { DEFAULT_JOIN_TOKEN_MINUTES } from "./cluster-settings.js";
import { createJoinToken } from "./create-join-token.js";
import { installInstructions } from "./install-instructions.js";
import { type MemberCluster, MemberClusterEntity } from "./member-cluster.entity.js";
import { parsePodShape } from "./pod-shape.js";
import { waitForClusterChange } from "./cluster-status-poll.js";
import { nudgePlacementQueue } from "../placement/commands/queue-nudge.js";

const decisionInput = z.object({ id: z.string(), note });
const revokeInput = z.object({ id: z.string(), reason: note });

/** The viewer as the cluster visibility rules see them. */
export function clusterViewer(context: GraphQLContext): ClusterViewer {
  return {
    isSteward: context.policy.isSteward,
    cooperativeIds: [...(context.viewer?.memberships.keys() ?? [])],
  };
}

type Decision = "accept" | "deny" | "unaccept";

async function decide(
  input: { id: string; note?: string | null },
  decision: Decision,
  context: GraphQLContext,
) {
  context.policy.requireViewer();
  const id = fromGlobalId(input.id, "MemberCluster", "input.id");
  const viewer = context.policy.authorize("cluster.decide");
  const valid = validateInput(decisionInput, input);
  const memberCluster = await inTransaction(context.dataSource, async (manager) =>
    decideMemberCluster(
      manager,
      actorFor(context, viewer),
      await findClusterForUpdate(manager, id),
      decision,
      valid.note ?? null,
    ),
  );
  return { memberCluster };
}

/** Runs a change a cooperative admin or steward may make to one cluster. */
async function manage<T>(
  context: GraphQLContext,
  globalId: string,
  change: (manager: EntityManager, actor: ReturnType<typeof actorFor>, cluster: MemberCluster) => Promise<T>,
): Promise<T> {
  const viewer = context.policy.requireViewer();
  const id = fromGlobalId(globalId, "MemberCluster", "input.id");
  return inTransaction(context.dataSource, async (manager) => {
    const cluster = await findClusterForUpdate(manager, id);
    if (!canSeeCluster(cluster, clusterViewer(context))) throw notFound("MemberCluster");
    context.policy.authorize("cluster.manage", { cooperativeId: cluster.cooperativeId });
    return change(manager, actorFor(context, viewer), cluster);
  });
}

export const clusterResolvers: Resolvers = {
  Query: {
    memberClusters: async (_parent, { first, after, filter }, context) => {
      context.policy.requireViewer();
      return listMemberClusters(context.dataSource.manager, {
        first: pageSize(first),
        after,
        cooperativeId: filter?.cooperativeId
          ? fromGlobalId(filter.cooperativeId, "Cooperative", "filter.cooperativeId")
          : undefined,
        availability: filter?.availability ? fromGraphqlEnum(filter.availability) : undefined,
        acceptance: filter?.acceptance ? fromGraphqlEnum(filter.acceptance) : undefined,
        label: filter?.label ?? undefined,
        includeRevoked: filter?.includeRevoked ?? false,
        fits: filter?.fits ? parsePodShape(filter.fits, "filter.fits") : undefined,
        viewer: clusterViewer(context),
      });
    },
    memberCluster: async (_parent, { id }, context) => {
      context.policy.requireViewer();
      const clusterId = fromGlobalId(id, "MemberCluster", "id");
      const cluster = await context.dataSource.manager.findOneBy(MemberClusterEntity, { id: clusterId });
      return cluster && canSeeCluster(cluster, clusterViewer(context)) ? cluster : null;
    },
    clusterStatusChanged: async (_parent, { id, since, waitSeconds }, context) => {
      context.policy.requireViewer();
      const answer = await waitForClusterChange(context.dataSource.manager, {
        clusterId: fromGlobalId(id, "MemberCluster", "id"),
        since,
        waitSeconds: waitSeconds ?? 25,
        visible: (cluster) => canSeeCluster(cluster, clusterViewer(context)),
        signal: context.signal,
      });
      if (!answer) throw notFound("MemberCluster");
      return answer;
    },
    memberClusterFit: async (_parent, { pod }, context) => {
      context.policy.requireViewer();
      const shape = parsePodShape(pod, "pod");
      return { ...shape, ...(await countClusterFit(context.dataSource.manager, shape)) };
    },
  },
  Mutation: {
    createClusterJoinToken: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.cooperativeId, "Cooperative", "input.cooperativeId");
      const viewer = context.policy.authorize("cluster.createJoinToken", { cooperativeId });
      const valid = validateInput(createJoinTokenInput, input);
      const { joinToken, secret } = await inTransaction(context.dataSource, (manager) =>
        createJoinToken(manager, actorFor(context, viewer), {
          cooperativeId,
          clusterName: valid.clusterName,
          expiresInMinutes: valid.expiresInMinutes ?? DEFAULT_JOIN_TOKEN_MINUTES,
        }),
      );
      return {
        joinToken: secret,
        expiresAt: joinToken.expiresAt,
        clusterName: joinToken.clusterName,
        ...installInstructions(context.publicUrl, secret),
      };
    },
    acceptMemberCluster: (_parent, { input }, context) => decide(input, "accept", context),
    denyMemberCluster: (_parent, { input }, context) => decide(input, "deny", context),
    unacceptMemberCluster: (_parent, { input }, context) => decide(input, "unaccept", context),
    setMemberClusterLabels: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const { labels } = validateInput(setLabelsInput, input);
      const memberCluster = await manage(context, input.id, (manager, actor, cluster) =>
        setClusterLabels(manager, actor, cluster, labels),
      );
      return { memberCluster };
    },
    setMemberClusterMaintenance: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(maintenanceInput, input);
      const memberCluster = await manage(context, input.id, (manager, actor, cluster) =>
        setClusterMaintenance(manager, actor, cluster, valid.maintenance, valid.reason ?? null),
      );
      return { memberCluster };
    },
    revokeMemberCluster: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const valid = validateInput(revokeInput, input);
      const memberCluster = await manage(context, input.id, (manager, actor, cluster) =>
        revokeMemberCluster(manager, actor, cluster, valid.reason ?? null),
      );
      // After the commit: the cluster's guest work released its reservations, so this process's queue runner looks
      // at the queue now instead of at its next tick (a wake-up only; correctness never depends on it).
      nudgePlacementQueue();
      return { memberCluster };
    },
  },
};
