import type { NextFunction, Request, Response } from "express";
import { CorruptArtifactError } from "../catalog/artifact-cache.js";
import { sendError } from "./artifact-response.js";

/**
 * Error middleware of the download routes: a corrupt stored archive (`CorruptArtifactError`) is logged and
 * answered with a clear 500 instead of bytes whose digest differs from the one the hub shows; any other error goes
 * on to the hub's handler.
 */
export function corruptArtifactHandler(
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
) {
  if (!(error instanceof CorruptArtifactError)) return next(error);
  request.log.error({ err: error }, "stored blueprint archive is corrupt");
  sendError(response, 500, "INTERNAL_SERVER_ERROR", error.message);
}
