import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { HubConfig } from "../config.js";
import { createFormatError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { HubMetrics } from "../ops/metrics.js";
import type { RateLimiter } from "../ops/rate-limiter.js";
import type { GraphQLContext } from "./context.js";
import { metricsPlugin } from "./plugins/metrics-plugin.js";
import { mutationRateLimitPlugin } from "./plugins/mutation-rate-limit-plugin.js";
import { queryLimitsRule } from "./query-limits.js";
import { buildHubSchema } from "./schema.js";

/** The hub's Apollo Server: typed errors only, no stack traces, CSRF prevention on, query limits enforced. */
export function createGraphqlServer(deps: {
  config: HubConfig;
  logger: Logger;
  metrics: HubMetrics;
  rateLimiter: RateLimiter;
  clientKey: (context: GraphQLContext) => string;
}): ApolloServer<GraphQLContext> {
  const { config, logger } = deps;
  return new ApolloServer<GraphQLContext>({
    schema: buildHubSchema(),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The hub handles SIGTERM itself (server/main.ts) and stops Apollo as one step of its graceful shutdown.
    stopOnTerminationSignals: false,
    validationRules: [queryLimitsRule(config.graphql)],
    formatError: createFormatError((error) => logger.error({ err: error }, "unexpected error in GraphQL")),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The hub sets no cache hints; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(deps.metrics),
      mutationRateLimitPlugin(deps.rateLimiter, config.rateLimits.mutationsPerMinute, deps.clientKey),
    ],
  });
}
