import type { Response } from "express";

/** How an artifact is sent: its bytes, their sha256 (hex) and the download's file name. */
export interface Artifact {
  bytes: Buffer;
  sha256: string;
  fileName: string;
}

/**
 * Sends an artifact with its digest in every header clients look at: `Digest` (RFC 3230), `Repr-Digest`
 * (RFC 9530), `X-Checksum-Sha256` (as Artifactory and Nexus send it) and a strong ETag. The digest is of the very
 * bytes sent, never recomputed from anything else.
 */
export function sendArtifact(response: Response, artifact: Artifact, cacheControl: string): void {
  const base64 = Buffer.from(artifact.sha256, "hex").toString("base64");
  response.setHeader("Content-Type", "application/gzip");
  response.setHeader("Content-Disposition", `attachment; filename="${artifact.fileName}"`);
  response.setHeader("Content-Length", String(artifact.bytes.length));
  response.setHeader("Digest", `sha-256=${base64}`);
  response.setHeader("Repr-Digest", `sha-256=:${base64}:`);
  response.setHeader("X-Checksum-Sha256", artifact.sha256);
  response.setHeader("ETag", `"sha256-${artifact.sha256}"`);
  response.setHeader("Cache-Control", cacheControl);
  response.end(artifact.bytes);
}

/** A JSON error body with the hub's error code, for the download routes. */
export function sendError(
  response: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  response.status(status).json({ error: { code, message, ...extra } });
}
