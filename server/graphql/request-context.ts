import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { bearerSecret, viewerFromApiToken, viewerFromSession } from "../auth/resolve-viewer.js";
import { stepUpUrl } from "../auth/oidc/step-up.js";
import type { Clock } from "../clock.js";
import type { HubConfig } from "../config.js";
import { HubError, toHubError } from "../errors.js";
import type { SearchService } from "../modules/search/search-service.js";
import { Policy } from "../policy/policy.js";
import { agentFromCredential, isClusterCredential } from "../modules/clusters/agent-identity.js";
import type { GraphQLContext } from "./context.js";
import { createLoaders } from "./loaders.js";

/** Builds each request's context: who is asking (API token or session), their policy and fresh loaders. */
export function createRequestContext(deps: {
  config: HubConfig;
  dataSource: DataSource;
  clock: Clock;
  publicUrl: string;
  search: SearchService;
}) {
  return async ({ req, res }: { req: Request; res?: Response }): Promise<GraphQLContext> => {
    try {
      const secret = bearerSecret(req.headers.authorization);
      const agent =
        secret && isClusterCredential(secret)
          ? await agentFromCredential(deps.dataSource, deps.clock, secret)
          : null;
      const viewer = agent
        ? null
        : secret
          ? await viewerFromApiToken(deps.dataSource, deps.clock, secret)
          : await viewerFromSession(deps.dataSource, req.session?.signedIn, deps.clock);
      const referer = req.header("referer");
      const returnTo = referer?.startsWith(deps.publicUrl)
        ? referer.slice(deps.publicUrl.length) || "/"
        : "/";
      return {
        requestId: req.requestId,
        clientAddress: req.ip ?? "unknown",
        viewer,
        agent,
        policy: new Policy(viewer, {
          now: () => deps.clock.now(),
          stepUpMaxAgeMinutes: deps.config.session.stepUpMaxAgeMinutes,
          stepUpUrl: stepUpUrl(returnTo),
        }),
        loaders: createLoaders(deps.dataSource),
        dataSource: deps.dataSource,
        clock: deps.clock,
        config: deps.config,
        publicUrl: deps.publicUrl,
        search: deps.search,
        signal: res ? disconnectSignal(res) : undefined,
      };
    } catch (error) {
      const hubError = toHubError(error);
      if (!hubError) throw error;
      const status =
        hubError.code === "UNAUTHENTICATED" ? 401 : hubError.code === "SERVICE_UNAVAILABLE" ? 503 : 400;
      throw new HubError(hubError.code, hubError.message, { ...hubError.extensions, http: { status } });
    }
  };
}

/** Aborts when the connection closes before the response finished: the client is gone. */
function disconnectSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
