import { describe, expect, it } from "vitest";
import { guestNamespaceManifests, guestNamespaceName } from "./guest-namespace.js";

const RESERVATION = {
  guestSlug: "campus-cloud",
  placementId: "3f2a9c1e-0000-4000-8000-000000000000",
  cpuMillicores: 4000,
  memoryBytes: 8 * 1024 ** 3,
  storageBytes: 20 * 1024 ** 3,
  pods: 10,
};

describe("Guest namespaces", () => {
  it("names the namespace after the guest and the placement, within 63 characters", () => {
    expect(guestNamespaceName(RESERVATION)).toBe("alliance-guest-campus-cloud-3f2a9c1e");
    const long = guestNamespaceName({
      ...RESERVATION,
      guestSlug: "a-very-long-cooperative-slug-that-goes-on-and-on-and-on",
    });
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it("caps the namespace at the reservation and forbids load balancers and node ports", () => {
    const quota = guestNamespaceManifests(RESERVATION).find((object) => object.kind === "ResourceQuota");
    expect(quota?.spec).toEqual({
      hard: expect.objectContaining({
        "requests.cpu": "4000m",
        "limits.memory": String(8 * 1024 ** 3),
        pods: "10",
        "count/services.loadbalancer": "0",
        "count/services.nodeports": "0",
      }),
    });
  });

  it("enforces the restricted Pod Security level and isolates the network", () => {
    const [namespace, , , policy] = guestNamespaceManifests({ ...RESERVATION, gpus: 1 });
    const labels = (namespace?.metadata as { labels: Record<string, string> } | undefined)?.labels ?? {};
    expect(labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    const spec = policy?.spec as {
      policyTypes: string[];
      egress: Array<{ to: Array<{ ipBlock?: { except: string[] } }> }>;
    };
    expect(spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(spec.egress.at(-1)?.to[0]?.ipBlock?.except).toContain("10.0.0.0/8");
  });
});
