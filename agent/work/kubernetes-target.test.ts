import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeKubernetesApi, startFakeKubernetesApi } from "../testing/fake-kubernetes-api.js";
import { KubernetesWorkTarget } from "./kubernetes-target.js";
import { WorkTargetError } from "./work-target.js";

const NAMESPACE_PATH = "/api/v1/namespaces/alliance-guest-a-1";
const MAP_PATH = `${NAMESPACE_PATH}/configmaps/settings`;
const NAMESPACE = { apiVersion: "v1", kind: "Namespace", metadata: { name: "alliance-guest-a-1" } };
const MAP = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "settings", namespace: "alliance-guest-a-1" },
  data: { a: "1" },
};

async function failure(call: Promise<unknown>): Promise<WorkTargetError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof WorkTargetError))
    throw new Error(`expected a WorkTargetError, got ${String(error)}`);
  return error;
}

describe("Kubernetes work target", () => {
  let api: FakeKubernetesApi;
  let target: KubernetesWorkTarget;
  beforeEach(async () => {
    api = await startFakeKubernetesApi();
    target = new KubernetesWorkTarget(api.kubeConfig());
  });
  afterEach(() => api.close());

  it("applies with the kubeconfig's credential and returns the stored object", async () => {
    const stored = await target.apply(NAMESPACE_PATH, NAMESPACE);
    expect(stored).toMatchObject({ kind: "Namespace", status: { phase: "Active" } });
    expect(api.store.writes[0]).toMatchObject({
      method: "PATCH",
      authorization: "Bearer fake-service-account-token",
      contentType: "application/apply-patch+yaml",
    });
    expect(await target.get(NAMESPACE_PATH)).toMatchObject({ metadata: { name: "alliance-guest-a-1" } });
  });

  it("answers undefined for a missing object and ignores deleting one", async () => {
    expect(await target.get(MAP_PATH)).toBeUndefined();
    await expect(target.delete(MAP_PATH)).resolves.toBeUndefined();
  });

  it("throws the API server's status and message", async () => {
    const missingNamespace = await failure(target.apply(MAP_PATH, MAP));
    expect(missingNamespace).toMatchObject({
      statusCode: 404,
      message: 'namespaces "alliance-guest-a-1" not found',
    });
    await target.apply(NAMESPACE_PATH, NAMESPACE);
    api.store.failingApplies.set(MAP_PATH, 'ConfigMap "settings" is invalid: data[a b]: Invalid value');
    const invalid = await failure(target.apply(MAP_PATH, MAP));
    expect(invalid).toMatchObject({
      statusCode: 422,
      message: 'ConfigMap "settings" is invalid: data[a b]: Invalid value',
    });
  });

  it("reports an unreachable API server with status 0", async () => {
    await api.close();
    const unreachable = await failure(target.get(NAMESPACE_PATH));
    expect(unreachable.statusCode).toBe(0);
    expect(unreachable.message).toMatch(/Kubernetes API unreachable/);
    api = await startFakeKubernetesApi();
  });
});
