/** One write the fake API server received: what the agent applied or deleted, exactly as sent. */
export interface RecordedWrite {
  method: string;
  /** Path without query. */
  path: string;
  contentType?: string;
  /** The Authorization header (the kubeconfig's credential). */
  authorization?: string;
  fieldManager?: string | null;
  force?: string | null;
  body?: Record<string, unknown>;
}

type Json = Record<string, unknown>;
type Answer = [number, object];

const NAMESPACED = /^\/apis?\/.+?\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)$/;
const NAMESPACE = /^\/api\/v1\/namespaces\/([^/]+)$/;

function status(code: number, reason: string, message: string): object {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

/**
 * The object store behind the fake API server's write paths: server-side apply (PATCH with
 * `application/apply-patch+yaml`), GET and DELETE of single objects and namespaces. It checks what a real API
 * server checks on apply (field manager given, name and namespace matching the path, namespace existing and not
 * terminating), records every write, and lets tests steer it: mark a workload available, make an apply fail with 422,
 * finish a namespace's termination.
 */
export class FakeObjectStore {
  readonly objects = new Map<string, Json>();
  readonly writes: RecordedWrite[] = [];
  /** Paths whose apply answers 422 with this message. */
  readonly failingApplies = new Map<string, string>();
  /** Namespaces stay Terminating after DELETE until {@link finishTermination} (else they go at once). */
  holdTermination = false;
  private resourceVersion = 1000;

  /** Answers a request when it is one of the store's paths; undefined lets other routes answer. */
  handle(
    method: string,
    url: URL,
    headers: { "content-type"?: string; authorization?: string },
    text: string,
  ): Answer | undefined {
    const contentType = headers["content-type"];
    const authorization = headers.authorization;
    const path = url.pathname;
    const namespaced = NAMESPACED.exec(path);
    const namespaceName = NAMESPACE.exec(path)?.[1];
    if (!namespaced && namespaceName === undefined) return undefined;
    if (method === "GET") {
      const object = this.objects.get(path);
      return object ? [200, object] : [404, status(404, "NotFound", `${path} not found`)];
    }
    if (method === "DELETE") {
      this.writes.push({ method, path, authorization });
      return this.delete(path, namespaceName);
    }
    if (method !== "PATCH") return [405, status(405, "MethodNotAllowed", `${method} not allowed`)];
    const body = text ? (JSON.parse(text) as Json) : {};
    const fieldManager = url.searchParams.get("fieldManager");
    const force = url.searchParams.get("force");
    this.writes.push({ method, path, contentType, authorization, fieldManager, force, body });
    if (contentType !== "application/apply-patch+yaml")
      return [415, status(415, "UnsupportedMediaType", `content type ${contentType} is not an apply patch`)];
    if (!fieldManager) return [400, status(400, "BadRequest", "fieldManager is required for apply patch")];
    const metadata = (body.metadata ?? {}) as Json;
    const name = namespaced ? decodeURIComponent(namespaced[3]) : namespaceName;
    if (metadata.name !== name)
      return [400, status(400, "BadRequest", "the name of the object does not match the path")];
    if (namespaced) {
      const namespace = decodeURIComponent(namespaced[1]);
      if (metadata.namespace !== namespace)
        return [400, status(400, "BadRequest", "the namespace of the object does not match the path")];
      const parent = this.objects.get(`/api/v1/namespaces/${namespaced[1]}`);
      if (!parent) return [404, status(404, "NotFound", `namespaces "${namespace}" not found`)];
      if ((parent.metadata as Json).deletionTimestamp)
        return [403, status(403, "Forbidden", `namespace ${namespace} is being terminated`)];
    }
    const failure = this.failingApplies.get(path);
    if (failure) return [422, status(422, "Invalid", failure)];
    return [200, this.store(path, body)];
  }

  /** Sets a Deployment's or StatefulSet's status to all desired replicas available. */
  markAvailable(path: string): void {
    const object = this.objects.get(path);
    if (!object) throw new Error(`${path} was not applied`);
    const replicas = ((object.spec ?? {}) as { replicas?: number }).replicas ?? 1;
    const generation = (object.metadata as Json).generation;
    object.status = {
      observedGeneration: generation,
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
    };
  }

  /** Ends a held termination: the namespace and everything in it disappear. */
  finishTermination(namespace: string): void {
    for (const path of this.objects.keys())
      if (path === `/api/v1/namespaces/${namespace}` || path.includes(`/namespaces/${namespace}/`))
        this.objects.delete(path);
  }

  private store(path: string, body: Json): Json {
    const previous = this.objects.get(path);
    const previousMetadata = (previous?.metadata ?? {}) as Json;
    this.resourceVersion += 1;
    const generation = Number(previousMetadata.generation ?? 0) + 1;
    const object: Json = {
      ...body,
      metadata: {
        ...(body.metadata as Json),
        uid: previousMetadata.uid ?? `uid-${this.resourceVersion}`,
        resourceVersion: String(this.resourceVersion),
        generation,
        creationTimestamp: previousMetadata.creationTimestamp ?? "2026-11-25T09:00:00Z",
      },
      status: previous?.status ?? (body.kind === "Namespace" ? { phase: "Active" } : {}),
    };
    this.objects.set(path, object);
    return object;
  }

  private delete(path: string, namespaceName: string | undefined): Answer {
    const object = this.objects.get(path);
    if (!object) return [404, status(404, "NotFound", `${path} not found`)];
    if (namespaceName === undefined) {
      this.objects.delete(path);
      return [200, status(200, "", "deleted")];
    }
    if (!this.holdTermination) {
      this.finishTermination(namespaceName);
      return [200, object];
    }
    object.metadata = { ...(object.metadata as Json), deletionTimestamp: "2026-11-25T09:05:00Z" };
    object.status = { phase: "Terminating" };
    return [200, object];
  }
}
