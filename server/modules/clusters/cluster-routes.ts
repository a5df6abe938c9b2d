import express, { type Router } from "express";
import type { DataSource } from "typeorm";
import { bearerSecret } from "../../auth/resolve-viewer.js";
import type { Clock } from "../../clock.js";
import { toHubError } from "../../errors.js";
import { INSTALL_MANIFEST_PATH } from "./install-instructions.js";
import { installManifest } from "./install-manifest.js";
import { claimJoinToken } from "./register-cluster.js";

/**
 * `GET /api/clusters/install.yaml` with the join token as bearer secret: the manifest that installs the agent.
 * Fetching it does not use the token up (registration does); an unknown, used or expired token is a 401.
 */
export function clusterRoutes(deps: { dataSource: DataSource; clock: Clock; publicUrl: string }): Router {
  const router = express.Router();
  router.get(INSTALL_MANIFEST_PATH, async (request, response, next) => {
    const secret = bearerSecret(request.headers.authorization);
    response.setHeader("Cache-Control", "no-store");
    if (!secret) {
      response.status(401).type("text").send("Send the join token: Authorization: Bearer ahj_...\n");
      return;
    }
    try {
      const token = await claimJoinToken(deps.dataSource.manager, secret, deps.clock.now(), { lock: false });
      response.type("application/yaml").send(installManifest(deps.publicUrl, secret, token.clusterName));
    } catch (error) {
      const hubError = toHubError(error);
      if (hubError?.code === "UNAUTHENTICATED") {
        response.status(401).type("text").send(`${hubError.message}\n`);
        return;
      }
      next(error);
    }
  });
  return router;
}
