import { describe, expect, it } from "vitest";
import { ALLOWED_KINDS } from "../../server/modules/placement/manifests/allowed-kinds.js";
import { GUEST_KINDS, isGuestKind, namespacePath, objectPath } from "./kinds.js";

describe("Kind to REST path", () => {
  it.each([
    ["v1", "ConfigMap", "/api/v1/namespaces/alliance-guest-a/configmaps/web"],
    ["v1", "PersistentVolumeClaim", "/api/v1/namespaces/alliance-guest-a/persistentvolumeclaims/web"],
    ["apps/v1", "Deployment", "/apis/apps/v1/namespaces/alliance-guest-a/deployments/web"],
    ["apps/v1", "StatefulSet", "/apis/apps/v1/namespaces/alliance-guest-a/statefulsets/web"],
    ["batch/v1", "CronJob", "/apis/batch/v1/namespaces/alliance-guest-a/cronjobs/web"],
    [
      "autoscaling/v2",
      "HorizontalPodAutoscaler",
      "/apis/autoscaling/v2/namespaces/alliance-guest-a/horizontalpodautoscalers/web",
    ],
    [
      "networking.k8s.io/v1",
      "NetworkPolicy",
      "/apis/networking.k8s.io/v1/namespaces/alliance-guest-a/networkpolicies/web",
    ],
    [
      "gateway.networking.k8s.io/v1",
      "HTTPRoute",
      "/apis/gateway.networking.k8s.io/v1/namespaces/alliance-guest-a/httproutes/web",
    ],
    ["v1", "ResourceQuota", "/api/v1/namespaces/alliance-guest-a/resourcequotas/web"],
    ["v1", "LimitRange", "/api/v1/namespaces/alliance-guest-a/limitranges/web"],
  ])("%s %s", (apiVersion, kind, path) => {
    expect(objectPath({ apiVersion, kind, name: "web", namespace: "alliance-guest-a" })).toBe(path);
  });

  it("maps every kind the hub allows", () => {
    // The agent copies the hub's allowlist (it shares no hub code); this keeps the copy in step.
    expect(Object.keys(GUEST_KINDS).sort()).toEqual([...ALLOWED_KINDS].sort());
    for (const key of Object.keys(GUEST_KINDS)) {
      const kind = key.slice(key.lastIndexOf("/") + 1);
      const apiVersion = key.slice(0, key.lastIndexOf("/"));
      expect(objectPath({ apiVersion, kind, name: "x", namespace: "n" })).toMatch(
        /^\/apis?\/.+\/namespaces\/n\/[a-z]+\/x$/,
      );
    }
  });

  it("has a path for the Namespace itself, and none for cluster-scoped, unknown or namespace-less objects", () => {
    expect(objectPath({ apiVersion: "v1", kind: "Namespace", name: "alliance-guest-a" })).toBe(
      namespacePath("alliance-guest-a"),
    );
    expect(
      objectPath({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        name: "x",
        namespace: "n",
      }),
    ).toBeUndefined();
    expect(objectPath({ apiVersion: "v1", kind: "Node", name: "x", namespace: "n" })).toBeUndefined();
    expect(
      objectPath({ apiVersion: "apps/v1beta1", kind: "Deployment", name: "x", namespace: "n" }),
    ).toBeUndefined();
    expect(objectPath({ apiVersion: "apps/v1", kind: "Deployment", name: "x" })).toBeUndefined();
  });

  it("escapes names in paths and lets only guest kinds through isGuestKind", () => {
    expect(objectPath({ apiVersion: "v1", kind: "Secret", name: "a/b", namespace: "n" })).toBe(
      "/api/v1/namespaces/n/secrets/a%2Fb",
    );
    expect(isGuestKind("apps/v1", "Deployment")).toBe(true);
    expect(isGuestKind("v1", "ResourceQuota")).toBe(false);
    expect(isGuestKind("networking.k8s.io/v1", "NetworkPolicy")).toBe(false);
    expect(isGuestKind("v1", "Namespace")).toBe(false);
  });
});
