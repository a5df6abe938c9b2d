import {
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  type KubeConfig,
  RequestContext,
} from "../cluster/kubernetes-client.js";
import type { KubernetesManifest } from "./guest-namespace.js";
import { APPLY_PATCH_CONTENT_TYPE, FIELD_MANAGER, type WorkTarget, WorkTargetError } from "./work-target.js";

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Work target on a real cluster: plain REST calls through client-node's own HTTP layer, so the kubeconfig's
 * authentication (tokens, client certificates, exec plugins) and CA apply exactly as for the status reads. The
 * generated typed APIs are not used: server-side apply needs a fixed content type and query, and one path table
 * covers every kind.
 */
export class KubernetesWorkTarget implements WorkTarget {
  private readonly http = new IsomorphicFetchHttpLibrary();

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async apply(path: string, object: KubernetesManifest): Promise<KubernetesManifest> {
    const query = `?fieldManager=${FIELD_MANAGER}&force=true`;
    // A 404 on apply (its namespace is gone) is a failure with the API server's message, not "absent".
    return (await this.request(HttpMethod.PATCH, `${path}${query}`, object, false)) ?? {};
  }

  get(path: string): Promise<KubernetesManifest | undefined> {
    return this.request(HttpMethod.GET, path);
  }

  async delete(path: string): Promise<void> {
    // Background propagation: the API server (namespace controller) removes what the object owns.
    await this.request(HttpMethod.DELETE, `${path}?propagationPolicy=Background`);
  }

  /** One call; undefined on 404 when `missingOk`, else {@link WorkTargetError} with the API server's message. */
  private async request(
    method: HttpMethod,
    path: string,
    body?: object,
    missingOk = true,
  ): Promise<KubernetesManifest | undefined> {
    const server = this.kubeConfig.getCurrentCluster()?.server;
    if (!server) throw new WorkTargetError(0, "kubeconfig has no current cluster");
    const context = new RequestContext(`${server.replace(/\/+$/, "")}${path}`, method);
    context.setHeaderParam("Accept", "application/json");
    if (body) {
      context.setHeaderParam("Content-Type", APPLY_PATCH_CONTENT_TYPE);
      context.setBody(JSON.stringify(body));
    }
    context.setSignal(AbortSignal.timeout(this.timeoutMs));
    let status: number;
    let text: string;
    try {
      await this.kubeConfig.applySecurityAuthentication(context);
      const response = await this.http.send(context).toPromise();
      status = response.httpStatusCode;
      text = await response.body.text();
    } catch (error) {
      throw new WorkTargetError(
        0,
        `Kubernetes API unreachable: ${error instanceof Error ? error.message : error}`,
      );
    }
    if (status === 404 && missingOk) return undefined;
    const parsed = parseJson(text);
    if (status < 200 || status > 299) {
      const message = typeof parsed?.message === "string" ? parsed.message : `HTTP ${status}`;
      throw new WorkTargetError(status, message);
    }
    return parsed ?? {};
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
