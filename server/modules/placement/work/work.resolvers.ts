import { inTransaction } from "../../../db/transaction.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../../graphql/global-id.js";
import { validateInput } from "../../../graphql/validate-input.js";
import { requireAgent } from "../../clusters/agent.resolvers.js";
import { nudgePlacementQueue } from "../commands/queue-nudge.js";
import type { ResourceAmounts } from "../scheduler/types.js";
import { listAgentWork } from "./agent-work-query.js";
import { reportWorkStatus } from "./report-work-status.js";
import { workReportSchema } from "./work-report-schema.js";

const amounts = (values: ResourceAmounts) =>
  Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, amount]) => ({ resource, amount }));

/** The agent's side of work delivery: its cluster's work, and status reports on it (agent credential only). */
export const workResolvers: Resolvers = {
  Query: {
    agentWork: async (_parent, _args, context) => {
      const agent = requireAgent(context);
      const rows = await listAgentWork(context.dataSource.manager, agent.clusterId);
      return rows.map((row) => ({
        ...row,
        id: toGlobalId("PlacementWork", row.id),
        placementId: toGlobalId("Placement", row.placementId),
        desiredState: toGraphqlEnum(row.desiredState),
        reservation: amounts(row.reservation),
      }));
    },
  },
  Mutation: {
    reportWorkStatus: async (_parent, { input }, context) => {
      const agent = requireAgent(context);
      const workId = fromGlobalId(input.workId, "PlacementWork", "input.workId");
      const report = validateInput(workReportSchema, input);
      const outcome = await inTransaction(context.dataSource, (manager) =>
        reportWorkStatus(
          manager,
          agent,
          { ...report, workId },
          { now: context.clock.now(), requestId: context.requestId },
        ),
      );
      // Capacity came free: this process's queue runner looks now (the others at their next tick).
      if (outcome.released) nudgePlacementQueue();
      return { accepted: outcome.accepted };
    },
  },
};
