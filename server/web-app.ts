import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";

/** Where `npm run build:web` writes the web app. */
export const WEB_DIST_DIRECTORY = fileURLToPath(new URL("../web/dist/", import.meta.url));

/**
 * Serves the built web app: hashed assets cached for a year, every other path answered with index.html so the
 * client-side router handles it. Without a build it says how to make one.
 */
export function webAppRoutes(): Router {
  const router = express.Router();
  const indexFile = `${WEB_DIST_DIRECTORY}index.html`;
  router.use(
    "/assets",
    express.static(`${WEB_DIST_DIRECTORY}assets`, { immutable: true, maxAge: "365d", fallthrough: false }),
  );
  router.use(express.static(WEB_DIST_DIRECTORY, { index: false, maxAge: "1h" }));
  router.get(/.*/, (_request, response) => {
    if (!existsSync(indexFile)) {
      response.status(503).type("text").send("The web app is not built yet: run `npm run build:web`.");
      return;
    }
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(indexFile);
  });
  return router;
}
