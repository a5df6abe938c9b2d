import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import { HubError } from "../../../errors.js";
import { artifactCache } from "../catalog/artifact-cache.js";
import { downloadCounter } from "../catalog/download-counter.js";
import { findVersion } from "../catalog/find-version.js";
import { renderVersion } from "../catalog/render-version.js";
import type { BlueprintVersion } from "../model/blueprint-version.entity.js";
import { corruptArtifactHandler } from "./corrupt-artifact-handler.js";
import { sendArtifact, sendError } from "./artifact-response.js";
import { chartRoutes } from "./chart-routes.js";
import { publishRoute } from "./publish-route.js";

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function yankWarning(response: Response, version: Pick<BlueprintVersion, "yankedAt" | "yankReason">): void {
  if (!version.yankedAt) return;
  const reason = (version.yankReason ?? "").replace(/["\\\r\n]/g, " ");
  response.setHeader("Warning", `299 - "This version is yanked: ${reason}"`);
}

/**
 * Blueprint downloads: `GET /api/blueprints/<name>/<version>.tgz` (the stored source tarball, byte for byte what was
 * hashed at ingest, served from memory by `artifact-cache.ts`) and `POST /api/blueprints/<name>/<version>/render` (a rendered bundle for the JSON parameters
 * in the body). Both send the digest in headers and count the download; yanked versions still download by exact
 * version, with a `Warning` header.
 */
export function blueprintRoutes(options: {
  dataSource: DataSource;
  clock: Clock;
  stepUpMaxAgeMinutes: number;
  publicUrl: string;
}): Router {
  const { dataSource, clock } = options;
  const router = express.Router();
  router.use(publishRoute(options));
  router.use(chartRoutes({ dataSource, clock, publicUrl: () => options.publicUrl }));

  router.get("/api/blueprints/:name/:file", async (request: Request, response: Response) => {
    const name = String(request.params.name);
    const file = String(request.params.file);
    if (!NAME.test(name) || !file.endsWith(".tgz")) return sendError(response, 404, "NOT_FOUND", "Not found");
    const now = clock.now();
    const artifact = await artifactCache(dataSource).get(
      "source",
      name,
      file.slice(0, -".tgz".length),
      now.getTime(),
    );
    if (!artifact) return sendError(response, 404, "NOT_FOUND", `Blueprint ${name} ${file} not found`);
    if (request.method === "GET") downloadCounter(dataSource).add(artifact, "source", now);
    yankWarning(response, artifact);
    sendArtifact(
      response,
      { bytes: artifact.bytes, sha256: artifact.sha256, fileName: `${name}-${artifact.version}.tgz` },
      "public, max-age=300",
    );
  });

  router.post(
    "/api/blueprints/:name/:version/render",
    express.json({ limit: "256kb", strict: false, type: () => true }),
    async (request: Request, response: Response) => {
      const found = await findVersion(
        dataSource.manager,
        String(request.params.name),
        String(request.params.version),
      );
      if (!found) return sendError(response, 404, "NOT_FOUND", "Blueprint version not found");
      const parameters = request.body === undefined || request.body === "" ? {} : request.body;
      try {
        const render = await renderVersion(dataSource.manager, found.blueprint, found.version, parameters);
        downloadCounter(dataSource).add(
          { blueprintId: found.blueprint.id, versionId: found.version.id },
          "rendered",
          clock.now(),
        );
        yankWarning(response, found.version);
        sendArtifact(response, { ...render.archive }, "no-store");
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        sendError(response, 400, error.code, error.message, { problems: error.extensions.problems });
      }
    },
  );

  router.use(["/api/blueprints", "/charts"], corruptArtifactHandler);
  // Malformed JSON bodies are the caller's fault, not ours.
  router.use(
    "/api/blueprints",
    (error: unknown, _request: Request, response: Response, next: express.NextFunction) => {
      const status = (error as { status?: number }).status;
      if (status && status >= 400 && status < 500)
        return sendError(response, status, "BAD_USER_INPUT", "The body must be a JSON object of parameters");
      next(error);
    },
  );
  return router;
}
