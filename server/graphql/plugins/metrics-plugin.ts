import type { ApolloServerPlugin } from "@apollo/server";
import type { HubMetrics } from "../../ops/metrics.js";
import type { GraphQLContext } from "../context.js";

/** Records duration and outcome of every GraphQL operation, labelled by operation name and type. */
export function metricsPlugin(metrics: HubMetrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const operation = requestContext.operationName ?? "anonymous";
          const type = requestContext.operation?.operation ?? "unknown";
          const outcome = requestContext.errors?.length ? "error" : "ok";
          const labels = { operation: operation.slice(0, 64), type, outcome };
          metrics.graphqlOperations.inc(labels);
          metrics.graphqlDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
