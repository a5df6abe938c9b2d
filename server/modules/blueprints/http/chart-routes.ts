import { createHash } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import { countDownload } from "../catalog/download-counts.js";
import { isSemver } from "../format/semver.js";
import { helmIndex } from "../helm/helm-index-cache.js";
import { BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { sha256OfBytes } from "../package/file-listing.js";
import { sendArtifact, sendError } from "./artifact-response.js";

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
 * A standard Helm chart repository under `/charts`: `index.yaml` (cached, with an ETag for conditional requests)
 * and the chart archives it lists, so `helm repo add alliance <hub>/charts` and `helm pull alliance/<name>` work.
 * Yanked versions leave the index but their archives stay downloadable by exact file name.
 */
export function chartRoutes(options: {
  dataSource: DataSource;
  clock: Clock;
  publicUrl: () => string;
}): Router {
  const { dataSource, clock } = options;
  const router = express.Router();
  router.get("/charts/index.yaml", async (request: Request, response: Response) => {
    const index = await helmIndex(dataSource, options.publicUrl());
    const etag = `"${createHash("sha256").update(index.yaml).digest("hex").slice(0, 32)}"`;
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "public, max-age=60");
    if (request.header("if-none-match") === etag) {
      response.status(304).end();
      return;
    }
    response.type("application/yaml").send(index.yaml);
  });
  router.get("/charts/:file", async (request: Request, response: Response) => {
    for (const { name, version } of candidates(String(request.params.file))) {
      const row = await dataSource.manager
        .createQueryBuilder(BlueprintVersionEntity, "version")
        .innerJoin("version.blueprint", "blueprint")
        .addSelect("version.chartTarball")
        .where("blueprint.name = :name AND version.version = :version AND version.chart_sha256 IS NOT NULL", {
          name,
          version,
        })
        .getOne();
      if (!row?.chartTarball) continue;
      const bytes = Buffer.from(row.chartTarball as Uint8Array);
      const sha256 = sha256OfBytes(bytes);
      if (sha256 !== row.chartSha256) throw new Error(`stored chart of ${name} ${version} is corrupt`);
      if (request.method === "GET")
        await countDownload(
          dataSource,
          { blueprintId: row.blueprintId, versionId: row.id },
          "chart",
          clock.now(),
        );
      sendArtifact(response, { bytes, sha256, fileName: `${name}-${version}.tgz` }, "public, max-age=300");
      return;
    }
    sendError(response, 404, "NOT_FOUND", "No such chart");
  });
  return router;
}
