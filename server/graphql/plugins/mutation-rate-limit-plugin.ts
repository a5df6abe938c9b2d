import type { ApolloServerPlugin } from "@apollo/server";
import type { OperationDefinitionNode } from "graphql";
import { rateLimited } from "../../errors.js";
import type { RateLimiter } from "../../ops/rate-limiter.js";
import type { GraphQLContext } from "../context.js";

/**
 * Agent mutations that bound themselves per cluster in the database: a lease renewal within a second of the
 * previous one writes nothing (`renew-steady-lease.ts`). Counting them here would add a write to the hub's
 * hottest path and cap a cluster below its own renewal rate.
 */
const SELF_LIMITED_AGENT_MUTATIONS: ReadonlySet<string> = new Set(["renewLease"]);

function selfLimited(operation: OperationDefinitionNode, context: GraphQLContext): boolean {
  if (!context.agent) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === "Field" && SELF_LIMITED_AGENT_MUTATIONS.has(selection.name.value),
  );
}

/**
 * Limits mutations per person (or per client address when anonymous), counted in the database so every hub
 * process shares the limit. Refused operations get RATE_LIMITED with the retry time and HTTP 429.
 */
export function mutationRateLimitPlugin(
  limiter: RateLimiter,
  perMinute: number,
  clientKey: (context: GraphQLContext) => string,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const operation = requestContext.operation;
          if (operation?.operation !== "mutation" || selfLimited(operation, requestContext.contextValue))
            return;
          const decision = await limiter.hit(
            `mutation:${clientKey(requestContext.contextValue)}`,
            perMinute,
            60,
          );
          if (!decision.allowed) {
            const error = rateLimited(decision.retryAfterSeconds);
            error.extensions.http = {
              status: 429,
              headers: new Map([["retry-after", String(decision.retryAfterSeconds)]]),
            };
            throw error;
          }
        },
      };
    },
  };
}
