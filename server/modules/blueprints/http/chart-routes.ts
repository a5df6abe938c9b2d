import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import { artifactCache } from "../catalog/artifact-cache.js";
import { downloadCounter } from "../catalog/download-counter.js";
import { isSemver } from "../format/semver.js";
import { helmIndex } from "../helm/helm-index-cache.js";
import { sendArtifact, sendError } from "./artifact-response.js";
import { acceptsGzip, ifNoneMatchHits } from "./conditional.js";

/** Splits `<name>-<version>.tgz` at each dash whose remainder is a SemVer version (names contain dashes too). */
function candidates(file: string): Array<{ name: string; version: string }> {
  if (!file.endsWith(".tgz")) return [];
  const stem = file.slice(0, -".tgz".length);
  const found: Array<{ name: string; version: string }> = [];
  for (let index = stem.indexOf("-"); index !== -1; index = stem.indexOf("-", index + 1)) {
    const version = stem.slice(index + 1);
    if (isSemver(version)) found.push({ name: stem.slice(0, index), version });
  }
  return found;
}

/**
 * A standard Helm chart repository under `/charts`: `index.yaml` (from memory, with an ETag for conditional
 * requests and gzip when the client accepts it) and the chart archives it lists, so `helm repo add alliance
 * <hub>/charts` and `helm pull alliance/<name>` work. Yanked versions leave the index but their archives stay
 * downloadable by exact file name.
 */
export function chartRoutes(options: {
  dataSource: DataSource;
  clock: Clock;
  publicUrl: () => string;
}): Router {
  const { dataSource, clock } = options;
  const router = express.Router();
  router.get("/charts/index.yaml", async (request: Request, response: Response) => {
    const index = await helmIndex(dataSource, options.publicUrl(), clock.now().getTime());
    const gzipEtag = `${index.etag.slice(0, -1)}-gz"`;
    const gzip = acceptsGzip(request.header("accept-encoding"));
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("ETag", gzip ? gzipEtag : index.etag);
    response.setHeader("Cache-Control", "public, max-age=60");
    if (ifNoneMatchHits(request.header("if-none-match"), [index.etag, gzipEtag])) {
      response.status(304).end();
      return;
    }
    response.setHeader("Content-Type", "application/yaml; charset=utf-8");
    if (gzip) response.setHeader("Content-Encoding", "gzip");
    const body = gzip ? index.gzip : index.bytes;
    response.setHeader("Content-Length", String(body.length));
    response.end(body);
  });
  router.get("/charts/:file", async (request: Request, response: Response) => {
    const now = clock.now();
    for (const { name, version } of candidates(String(request.params.file))) {
      const chart = await artifactCache(dataSource).get("chart", name, version, now.getTime());
      if (!chart) continue;
      if (request.method === "GET") downloadCounter(dataSource).add(chart, "chart", now);
      sendArtifact(
        response,
        { bytes: chart.bytes, sha256: chart.sha256, fileName: `${name}-${version}.tgz` },
        "public, max-age=300",
      );
      return;
    }
    sendError(response, 404, "NOT_FOUND", "No such chart");
  });
  return router;
}
