import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import { bearerSecret, viewerFromApiToken } from "../../../auth/resolve-viewer.js";
import type { Clock } from "../../../clock.js";
import { inTransaction } from "../../../db/transaction.js";
import { HubError, toHubError, unauthenticated } from "../../../errors.js";
import { Policy } from "../../../policy/policy.js";
import { CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { invalidateCatalog } from "../catalog/catalog-generation.js";
import { MAX_UPLOAD_BYTES } from "../package/tar-reader.js";
import { prepareUpload, publishVersion } from "../publishing/publish-version.js";
import { signatureInfo } from "../signing/signature-status.js";
import { sendError } from "./artifact-response.js";

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};
const FINGERPRINT = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{1,200}={0,2}$/;

/**
 * `POST /api/blueprints/publish?cooperative=<slug>` with the `.tgz` as the raw body (up to 10 MiB, beyond what the
 * GraphQL API's 1 MB request limit allows), for scripts and CI. Authenticated by a personal API token with the
 * write scope only (no cookies, so no cross-site risk). A signature travels in `X-Blueprint-Signature` and
 * `X-Blueprint-Key-Fingerprint`. Same checks, same command and same errors as `publishBlueprintVersion`.
 */
export function publishRoute(options: {
  dataSource: DataSource;
  clock: Clock;
  stepUpMaxAgeMinutes: number;
}): Router {
  const { dataSource, clock } = options;
  const router = express.Router();
  router.post(
    "/api/blueprints/publish",
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    async (request: Request, response: Response) => {
      try {
        const secret = bearerSecret(request.headers.authorization);
        if (!secret) throw unauthenticated("Send a personal API token as Authorization: Bearer");
        const viewer = await viewerFromApiToken(dataSource, clock, secret);
        const policy = new Policy(viewer, {
          now: () => clock.now(),
          stepUpMaxAgeMinutes: options.stepUpMaxAgeMinutes,
          stepUpUrl: "/",
        });
        const slug = String(request.query.cooperative ?? "");
        const cooperative = slug ? await dataSource.manager.findOneBy(CooperativeEntity, { slug }) : null;
        if (!cooperative)
          throw new HubError("NOT_FOUND", "Name the publishing cooperative: ?cooperative=<slug>");
        policy.authorize("blueprint.publish", { cooperativeId: cooperative.id });
        const fingerprint = request.header("x-blueprint-key-fingerprint");
        const signatureText = request.header("x-blueprint-signature");
        if (
          (fingerprint || signatureText) &&
          !(FINGERPRINT.test(fingerprint ?? "") && BASE64.test(signatureText ?? ""))
        )
          throw new HubError(
            "BAD_USER_INPUT",
            "Send both signature headers: a 64-hex key fingerprint and a base64 signature",
          );
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const prepared = await prepareUpload(body);
        const actor = { personId: viewer.person.id, requestId: request.requestId ?? null, now: clock.now() };
        const signature =
          fingerprint && signatureText
            ? { keyFingerprint: fingerprint, signature: signatureText }
            : undefined;
        const result = await inTransaction(dataSource, (manager) =>
          publishVersion(manager, actor, cooperative.id, prepared, signature),
        );
        if (result.status === "created") invalidateCatalog(dataSource);
        const info = await signatureInfo(dataSource.manager, result.version.id);
        response.status(result.status === "created" ? 201 : 200).json({
          name: result.blueprint.name,
          version: result.version.version,
          created: result.status === "created",
          digest: `sha256:${result.version.sourceSha256}`,
          contentDigest: `sha256:${result.version.contentSha256}`,
          signature: {
            status: info.status,
            signed: info.signed,
            verifiedAgainstKeyring: info.verifiedAgainstKeyring,
          },
        });
      } catch (error) {
        const hubError = toHubError(error);
        if (!hubError) throw error;
        const { code: _code, ...extensions } = hubError.extensions as Record<string, unknown>;
        sendError(response, STATUS[hubError.code] ?? 400, hubError.code, hubError.message, extensions);
      }
    },
  );
  router.use(
    "/api/blueprints/publish",
    (error: unknown, _request: Request, response: Response, next: express.NextFunction) => {
      const status = (error as { status?: number }).status;
      if (status === 413)
        return sendError(response, 413, "BAD_USER_INPUT", "The archive is larger than 10 MiB");
      next(error);
    },
  );
  return router;
}
