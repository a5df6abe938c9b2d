import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import { parseAssetPath, SVG_CONTENT_SECURITY_POLICY } from "./asset-file.js";
import { findAssetFolder } from "../asset-folder.js";

/** Images change only with a content sync: a short shared cache, then revalidation by ETag. */
const CACHE_CONTROL = "public, max-age=300, must-revalidate";

function notFound(response: Response): void {
  response.status(404).type("text/plain").setHeader("Cache-Control", "no-store").end("Not found");
}

/** The real path of `file` inside `folder`, or null when it is missing, not a regular file or leaves the folder. */
async function containedFile(folder: string, file: string): Promise<string | null> {
  try {
    const [root, target] = await Promise.all([realpath(folder), realpath(join(folder, file))]);
    // realpath resolves symlinks: a link pointing out of the release folder is refused like `..`.
    if (!target.startsWith(root + sep)) return null;
    return (await stat(target)).isFile() ? target : null;
  } catch {
    return null;
  }
}

/**
 * `GET /manual-assets/<manual>/<release>/<file>`: the images of a manual release, which rendered pages point at.
 * Only image files listed as assets of that release are served, from `content/manuals/<manual>/<release>/` (for
 * a release cut in the hub: the folder of the release it was cut from); anything else is a 404. SVG gets a
 * sandboxing Content-Security-Policy so a script inside never runs.
 */
export function manualAssetRoutes(options: { dataSource: DataSource; contentDirectory: string }): Router {
  const router = express.Router();
  router.get("/manual-assets/:manual/:release/*file", async (request: Request, response: Response) => {
    const segments = request.params.file as unknown as string[];
    const asset = parseAssetPath(Array.isArray(segments) ? segments : []);
    if (!asset) return notFound(response);
    const folder = await findAssetFolder(
      options.dataSource.manager,
      String(request.params.manual),
      String(request.params.release),
    );
    if (!folder?.assets.has(asset.file)) return notFound(response);
    const path = await containedFile(
      join(options.contentDirectory, "manuals", folder.manualSlug, folder.folderRelease),
      asset.file,
    );
    if (!path) return notFound(response);
    const bytes = await readFile(path);
    const etag = `"${createHash("sha256").update(bytes).digest("base64url")}"`;
    response.setHeader("Content-Type", asset.contentType);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", CACHE_CONTROL);
    if (asset.contentType === "image/svg+xml")
      response.setHeader("Content-Security-Policy", SVG_CONTENT_SECURITY_POLICY);
    if (request.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) return response.status(304).end();
    response.setHeader("Content-Length", String(bytes.length));
    response.end(bytes);
  });
  return router;
}
