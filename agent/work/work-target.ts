import type { KubernetesManifest } from "./guest-namespace.js";

/** The field manager of every server-side apply: the agent owns the fields it sets, nobody else's. */
export const FIELD_MANAGER = "alliance-agent";

/** Content type of a server-side apply patch (JSON is valid YAML). */
export const APPLY_PATCH_CONTENT_TYPE = "application/apply-patch+yaml";

/** A failed call to the cluster: the API server's HTTP status (0 when it could not be reached) and message. */
export class WorkTargetError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = "WorkTargetError";
  }
}

/**
 * Where the agent puts work, by REST path (see `kinds.ts`). Two implementations: the Kubernetes API
 * (`kubernetes-target.ts`) and an in-memory simulation for demo clusters (`simulated-target.ts`). All methods throw
 * {@link WorkTargetError} on failure.
 */
export interface WorkTarget {
  /** Server-side apply (`force`, field manager {@link FIELD_MANAGER}); returns the object as stored. */
  apply(path: string, object: KubernetesManifest): Promise<KubernetesManifest>;
  /** The object at `path`, or undefined when it does not exist (404). */
  get(path: string): Promise<KubernetesManifest | undefined>;
  /** Deletes the object at `path`; a 404 is not an error (already gone). */
  delete(path: string): Promise<void>;
}

/** A readable message for any error a target threw. */
export function targetErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
