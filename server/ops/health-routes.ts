import { Router } from "express";
import type { DataSource } from "typeorm";
import type { HubMetrics } from "./metrics.js";

const READINESS_TIMEOUT_MS = 2_000;

/** `/healthz` (the process answers), `/readyz` (the database answers) and `/metrics` (Prometheus). */
export function healthRoutes(
  dataSource: DataSource,
  metrics: HubMetrics,
  isShuttingDown: () => boolean,
): Router {
  const router = Router();
  router.get("/healthz", (_request, response) => {
    response.json({ status: "ok" });
  });
  router.get("/readyz", async (_request, response) => {
    if (isShuttingDown()) {
      response.status(503).json({ status: "shutting_down" });
      return;
    }
    try {
      await Promise.race([
        dataSource.query("SELECT 1"),
        new Promise((_resolve, reject) =>
          setTimeout(() => reject(new Error("database timeout")), READINESS_TIMEOUT_MS).unref(),
        ),
      ]);
      response.json({ status: "ready", database: "ok" });
    } catch {
      response.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });
  router.get("/metrics", async (_request, response) => {
    response.setHeader("Content-Type", metrics.registry.contentType);
    response.send(await metrics.registry.metrics());
  });
  return router;
}
