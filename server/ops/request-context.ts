import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../logger.js";
import type { HubMetrics } from "./metrics.js";

declare module "express-serve-static-core" {
  interface Request {
    requestId: string;
    log: Logger;
  }
}

/** Routes are labelled by their first path segment so metrics keep a bounded number of series. */
function routeLabel(path: string): string {
  const first = path.split("/")[1] ?? "";
  return ["graphql", "auth", "oidc", "healthz", "readyz", "metrics", "api", "charts"].includes(first)
    ? `/${first}`
    : "/web";
}

/**
 * Gives each request an ID (from `X-Request-Id` when it looks safe, else a new UUID), a child logger carrying it,
 * and records duration and outcome in logs and metrics. Never logs headers, bodies or query strings.
 */
export function requestContext(logger: Logger, metrics: HubMetrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const incoming = request.header("x-request-id");
    request.requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    request.log = logger.child({ requestId: request.requestId });
    response.setHeader("X-Request-Id", request.requestId);
    const started = process.hrtime.bigint();
    response.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // originalUrl: inside mounted routers `path` is relative to the mount point.
      const path = request.originalUrl.split("?")[0] ?? "/";
      const route = routeLabel(path);
      metrics.httpDuration.observe(
        { method: request.method, route, status: String(response.statusCode) },
        seconds,
      );
      if (route !== "/healthz" && route !== "/metrics") {
        request.log.info(
          {
            method: request.method,
            route,
            path,
            status: response.statusCode,
            ms: Math.round(seconds * 1000),
          },
          "request",
        );
      }
    });
    next();
  };
}
