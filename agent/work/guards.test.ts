import { describe, expect, it } from "vitest";
import { manifestIdentity, namespaceRefusal, objectRefusal } from "./guards.js";

const deployment = (name: string) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name } });

describe("Namespace guard", () => {
  it("accepts guest namespaces only", () => {
    expect(namespaceRefusal("alliance-guest-campus-cloud-3f2a9c1e")).toBeUndefined();
    for (const name of ["kube-system", "default", "alliance-guests", "my-alliance-guest-x", "", undefined])
      expect(namespaceRefusal(name)).toMatch(/does not start with alliance-guest-/);
  });

  it("refuses names that are not DNS labels", () => {
    expect(namespaceRefusal("alliance-guest-Campus")).toMatch(/not a valid DNS label/);
    expect(namespaceRefusal("alliance-guest-a/../../kube-system")).toMatch(/not a valid DNS label/);
    expect(namespaceRefusal(`alliance-guest-${"a".repeat(60)}`)).toMatch(/not a valid DNS label/);
    expect(namespaceRefusal("alliance-guest-x-")).toMatch(/not a valid DNS label/);
  });
});

describe("Object guard", () => {
  it("accepts allowed namespaced kinds with valid names", () => {
    expect(objectRefusal(deployment("web"))).toBeUndefined();
    expect(
      objectRefusal({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web.config" } }),
    ).toBeUndefined();
  });

  it("refuses cluster-scoped kinds even when the hub sent them", () => {
    for (const [apiVersion, kind] of [
      ["rbac.authorization.k8s.io/v1", "ClusterRoleBinding"],
      ["v1", "Namespace"],
      ["v1", "PersistentVolume"],
      ["apiextensions.k8s.io/v1", "CustomResourceDefinition"],
    ])
      expect(objectRefusal({ apiVersion, kind, metadata: { name: "x" } })).toMatch(/cluster-scoped/);
  });

  it("refuses unknown kinds, nameless objects and the agent's own isolation policy", () => {
    expect(objectRefusal({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" } })).toMatch(
      /not an allowed kind/,
    );
    expect(objectRefusal({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "x" } })).toMatch(
      /not an allowed kind/,
    );
    expect(objectRefusal(deployment("Web_1"))).toMatch(/not a valid object name/);
    expect(objectRefusal({ kind: "Deployment" })).toMatch(/apiVersion and kind required/);
    expect(objectRefusal("text")).toMatch(/apiVersion and kind required/);
    expect(
      objectRefusal({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "allow-everything" },
      }),
    ).toMatch(/could open the isolation/);
  });

  it("names any manifest, with blanks for what is missing", () => {
    expect(manifestIdentity(deployment("web"))).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: "web",
    });
    expect(manifestIdentity(null)).toEqual({ apiVersion: "", kind: "", name: "" });
  });
});
