import type { ApolloServerPlugin } from "@apollo/server";
import { rateLimited } from "../../errors.js";
import type { RateLimiter } from "../../ops/rate-limiter.js";
import type { GraphQLContext } from "../context.js";

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
          if (requestContext.operation?.operation !== "mutation") return;
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
