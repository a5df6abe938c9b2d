import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "../cluster/kubernetes-client.js";
import { FakeObjectStore } from "./fake-kubernetes-apply.js";
import {
  FIXTURE_CLAIMS,
  FIXTURE_CLUSTER_UID,
  FIXTURE_KUBERNETES_VERSION,
  FIXTURE_NAMESPACES,
  FIXTURE_NODES,
  FIXTURE_PODS,
  FIXTURE_STORAGE_CLASSES,
} from "./kubernetes-fixtures.js";

/** Options of {@link startFakeKubernetesApi}. */
export interface FakeKubernetesApiOptions {
  nodes?: object[];
  pods?: object[];
  namespaces?: object[];
  /** Answer 403 on PVC and storage class lists, as with a service account lacking those rights. */
  forbidStorage?: boolean;
  /** Answer 403 on the namespace list. */
  forbidNamespaces?: boolean;
}

/** A running fake API server. */
export interface FakeKubernetesApi {
  url: string;
  /** Path and query of every request, in arrival order. */
  requests: string[];
  /** Objects applied through the write paths, and every write recorded (`fake-kubernetes-apply.ts`). */
  store: FakeObjectStore;
  /** A KubeConfig pointing at this server. */
  kubeConfig(): KubeConfig;
  close(): Promise<void>;
}

function status(code: number, reason: string, message: string): object {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

/** Honours `status.phase!=X` terms, the only field selector the agent sends. */
function matchesFieldSelector(item: object, selector: string | null): boolean {
  if (!selector) return true;
  const phase = "status" in item && item.status && typeof item.status === "object" && "phase" in item.status;
  const value = phase ? String((item.status as { phase: unknown }).phase) : "";
  return selector.split(",").every((term) => {
    const [field, excluded] = term.split("!=");
    return field !== "status.phase" || value !== excluded;
  });
}

/** One page of a list, with a `continue` token (the next offset, base64) as the real API server does. */
function page(kind: string, items: object[], query: URLSearchParams): object {
  const filtered = items.filter((item) => matchesFieldSelector(item, query.get("fieldSelector")));
  const offset = query.get("continue")
    ? Number(Buffer.from(query.get("continue") ?? "", "base64").toString())
    : 0;
  const limit = Number(query.get("limit") ?? 0) || filtered.length;
  const next = offset + limit;
  const metadata: Record<string, string | number> = { resourceVersion: "987654" };
  if (next < filtered.length) {
    metadata.continue = Buffer.from(String(next)).toString("base64");
    metadata.remainingItemCount = filtered.length - next;
  }
  return { kind, apiVersion: "v1", metadata, items: filtered.slice(offset, next) };
}

/**
 * Starts an HTTP server on 127.0.0.1 (random port) answering the Kubernetes API paths the agent uses, with
 * `limit`/`continue` pagination and the phase field selector. A stand-in for a real API server in tests.
 */
export async function startFakeKubernetesApi(
  options: FakeKubernetesApiOptions = {},
): Promise<FakeKubernetesApi> {
  const requests: string[] = [];
  const store = new FakeObjectStore();
  const routes: Record<string, (query: URLSearchParams) => [number, object]> = {
    "/version": () => [
      200,
      {
        major: "1",
        minor: "34",
        gitVersion: FIXTURE_KUBERNETES_VERSION,
        gitCommit: "abc",
        gitTreeState: "clean",
        buildDate: "2026-11-12T00:00:00Z",
        goVersion: "go1.25.3",
        compiler: "gc",
        platform: "linux/amd64",
      },
    ],
    "/api/v1/namespaces/kube-system": () => [
      200,
      {
        kind: "Namespace",
        apiVersion: "v1",
        metadata: { name: "kube-system", uid: FIXTURE_CLUSTER_UID },
        status: { phase: "Active" },
      },
    ],
    "/api/v1/namespaces": (query) =>
      options.forbidNamespaces
        ? [403, status(403, "Forbidden", "namespaces is forbidden")]
        : [200, page("NamespaceList", options.namespaces ?? FIXTURE_NAMESPACES, query)],
    "/api/v1/nodes": (query) => [200, page("NodeList", options.nodes ?? FIXTURE_NODES, query)],
    "/api/v1/pods": (query) => [200, page("PodList", options.pods ?? FIXTURE_PODS, query)],
    "/api/v1/persistentvolumeclaims": (query) =>
      options.forbidStorage
        ? [403, status(403, "Forbidden", "persistentvolumeclaims is forbidden")]
        : [200, page("PersistentVolumeClaimList", FIXTURE_CLAIMS, query)],
    "/apis/storage.k8s.io/v1/storageclasses": (query) =>
      options.forbidStorage
        ? [403, status(403, "Forbidden", "storageclasses.storage.k8s.io is forbidden")]
        : [200, page("StorageClassList", FIXTURE_STORAGE_CLASSES, query)],
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(`${url.pathname}${url.search}`);
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const route = request.method === "GET" ? routes[url.pathname] : undefined;
      const [code, body] = route
        ? route(url.searchParams)
        : (store.handle(request.method ?? "GET", url, request.headers, text) ?? [
            404,
            status(404, "NotFound", `${url.pathname} not found`),
          ]);
      response.writeHead(code, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    store,
    kubeConfig: () => {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromOptions({
        clusters: [{ name: "fake", server: url, skipTLSVerify: true }],
        users: [{ name: "agent", token: "fake-service-account-token" }],
        contexts: [{ name: "fake", cluster: "fake", user: "agent" }],
        currentContext: "fake",
      });
      return kubeConfig;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
