import { describe, expect, it } from "vitest";
import { guestNamespaceManifests, placementLabelValue } from "./guest-namespace.js";
import { quotaFor } from "./reservation-quota.js";

const SPEC = {
  namespace: "alliance-guest-campus-cloud-3f2a9c1e",
  guestSlug: "campus-cloud",
  placementId: "UGxhY2VtZW50OjNmMmE5YzFlLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA",
  reservation: [
    { resource: "cpu", amount: 4000 },
    { resource: "memory", amount: 8 * 1024 ** 3 },
    { resource: "storage:openebs-hostpath", amount: 20 * 1024 ** 3 },
    { resource: "gpu:NVIDIA-L40S", amount: 1 },
    { resource: "pods", amount: 10 },
  ],
};

describe("Guest namespaces", () => {
  it("uses the hub-given namespace name for every object", () => {
    const objects = guestNamespaceManifests(SPEC);
    expect(objects.map((object) => object.kind)).toEqual([
      "Namespace",
      "ResourceQuota",
      "LimitRange",
      "NetworkPolicy",
    ]);
    expect((objects[0].metadata as { name: string }).name).toBe(SPEC.namespace);
    for (const object of objects.slice(1))
      expect((object.metadata as { namespace: string }).namespace).toBe(SPEC.namespace);
  });

  it("caps the namespace at the reservation and forbids load balancers and node ports", () => {
    const quota = guestNamespaceManifests(SPEC).find((object) => object.kind === "ResourceQuota");
    expect(quota?.spec).toEqual({
      hard: {
        "requests.cpu": "4000m",
        "requests.memory": String(8 * 1024 ** 3),
        "requests.storage": String(20 * 1024 ** 3),
        "openebs-hostpath.storageclass.storage.k8s.io/requests.storage": String(20 * 1024 ** 3),
        "requests.nvidia.com/gpu": "1",
        pods: "10",
        "count/services.loadbalancer": "0",
        "count/services.nodeports": "0",
      },
    });
  });

  it("gives no storage or GPUs when none are reserved, and rounds fractions up", () => {
    const hard = quotaFor([
      { resource: "cpu", amount: 1500.2 },
      { resource: "memory", amount: 1024 },
    ]);
    expect(hard["requests.cpu"]).toBe("1501m");
    expect(hard["requests.storage"]).toBe("0");
    expect(hard["requests.nvidia.com/gpu"]).toBe("0");
  });

  it("enforces the restricted Pod Security level and isolates the network", () => {
    const [namespace, , , policy] = guestNamespaceManifests(SPEC);
    const labels = (namespace?.metadata as { labels: Record<string, string> } | undefined)?.labels ?? {};
    expect(labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    expect(labels["alliance.coop/placement"]).toBe(SPEC.placementId);
    // The install manifest's admission policy admits only namespaces labelled guest=true.
    expect(labels["alliance.coop/guest"]).toBe("true");
    expect(labels["alliance.coop/guest-cooperative"]).toBe("campus-cloud");
    const spec = policy?.spec as {
      podSelector: object;
      policyTypes: string[];
      egress: Array<{ to: Array<{ ipBlock?: { except: string[] } }> }>;
    };
    expect(spec.podSelector).toEqual({});
    expect(spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(spec.egress.at(-1)?.to[0]?.ipBlock?.except).toContain("10.0.0.0/8");
  });

  it("binds the guest role to the agent's service account right after the namespace when asked", () => {
    const objects = guestNamespaceManifests({
      ...SPEC,
      agentServiceAccount: { namespace: "alliance-agent", name: "alliance-agent" },
    });
    expect(objects.map((object) => object.kind).slice(0, 3)).toEqual([
      "Namespace",
      "RoleBinding",
      "ResourceQuota",
    ]);
    expect(objects[1]).toMatchObject({
      roleRef: { kind: "ClusterRole", name: "alliance-agent-guest" },
      subjects: [{ kind: "ServiceAccount", name: "alliance-agent", namespace: "alliance-agent" }],
    });
  });

  it("turns any placement id into a valid label value", () => {
    expect(placementLabelValue("-abc_def-")).toBe("abc_def");
    expect(placementLabelValue("a/b=c")).toBe("a-b-c");
    expect(placementLabelValue("x".repeat(80))).toHaveLength(63);
  });
});
