import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import { bearerSecret, viewerFromApiToken, viewerFromSession } from "../../../auth/resolve-viewer.js";
import type { Clock } from "../../../clock.js";
import { toHubError } from "../../../errors.js";
import { Policy } from "../../../policy/policy.js";
import { cooperativeForLedger } from "./ledger-access.js";
import { monthWindow } from "./ledger-period.js";
import { buildStatement } from "./statement.js";
import { statementCsv } from "./statement-csv.js";

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * `GET /ledger/<cooperative slug>/<YYYY-MM>.csv`: a cooperative's monthly statement as a CSV download, for its
 * members and stewards, with the same checks and error codes as `Query.ledgerStatement` (401, 400, 404, 403, a JSON
 * body with the code). The browser's session cookie authenticates it (a plain link in the web app), a personal API
 * token works too for scripts. A GET that changes nothing, so cookies from another site gain an attacker nothing.
 */
export function statementCsvRoutes(deps: {
  dataSource: DataSource;
  clock: Clock;
  stepUpMaxAgeMinutes: number;
}): Router {
  const router = express.Router();
  router.get("/ledger/:slug/:file", async (request: Request, response: Response) => {
    response.setHeader("Cache-Control", "private, no-store");
    try {
      const secret = bearerSecret(request.headers.authorization);
      const viewer = secret
        ? await viewerFromApiToken(deps.dataSource, deps.clock, secret)
        : await viewerFromSession(deps.dataSource, request.session?.signedIn, deps.clock);
      const policy = new Policy(viewer, {
        now: () => deps.clock.now(),
        stepUpMaxAgeMinutes: deps.stepUpMaxAgeMinutes,
        stepUpUrl: "/",
      });
      policy.requireViewer();
      const file = String(request.params.file);
      if (!file.endsWith(".csv")) {
        response.status(404).json({ error: { code: "NOT_FOUND", message: "Not found" } });
        return;
      }
      const month = file.slice(0, -".csv".length);
      monthWindow(month);
      const slug = String(request.params.slug);
      const manager = deps.dataSource.manager;
      const cooperative = await cooperativeForLedger(manager, policy, { slug });
      const statement = await buildStatement(manager, cooperative, month, deps.clock.now());
      response.setHeader("Content-Type", "text/csv; charset=utf-8");
      response.setHeader(
        "Content-Disposition",
        `attachment; filename="ledger-${cooperative.slug}-${month}.csv"`,
      );
      response.send(statementCsv(statement));
    } catch (error) {
      const hubError = toHubError(error);
      if (!hubError || !(hubError.code in STATUS)) throw error;
      response.status(STATUS[hubError.code]).json({
        error: { code: hubError.code, message: hubError.message, problems: hubError.extensions.problems },
      });
    }
  });
  return router;
}
