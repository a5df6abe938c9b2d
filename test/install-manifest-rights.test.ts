import { describe, expect, it } from "vitest";
import { guestNamespaceManifests, type KubernetesManifest } from "../agent/work/guest-namespace.js";
import { GUEST_KINDS, objectPath } from "../agent/work/kinds.js";
import { installManifest } from "../server/modules/clusters/install-manifest.js";
import {
  type AdmissionRequest,
  admit,
  groupResourceOf,
  rbacAllows,
} from "./support/install-manifest-emulator.js";
import { parseManifest } from "./support/install-manifest-expectations.js";

const objects = parseManifest(installManifest("https://hub.example", "join-token", "lab-1"));
const GUEST_NS = "alliance-guest-coop-b-1a2b3c";

/** Exactly what the agent applies for a placement: its guard rails, then one object of every guest kind. */
const [namespace, ...guardRails] = guestNamespaceManifests({
  namespace: GUEST_NS,
  guestSlug: "coop-b",
  placementId: "placement-1",
  reservation: [{ resource: "cpu", amount: 500 }],
  agentServiceAccount: { namespace: "alliance-agent", name: "alliance-agent" },
});
const binding = guardRails.find((object) => object.kind === "RoleBinding") as KubernetesManifest;
const guestObjects = Object.keys(GUEST_KINDS).map((key) => {
  const kind = key.slice(key.lastIndexOf("/") + 1);
  return {
    apiVersion: key.slice(0, key.lastIndexOf("/")),
    kind,
    metadata: { name: `x-${kind.toLowerCase()}` },
  };
});
const applied = [...guardRails, ...guestObjects].map((object) => {
  const metadata = object.metadata as { name: string };
  const path = objectPath({
    apiVersion: `${object.apiVersion}`,
    kind: `${object.kind}`,
    name: metadata.name,
    namespace: GUEST_NS,
  });
  expect(path, `${object.kind}`).toBeDefined();
  return { kind: `${object.kind}`, name: metadata.name, ...groupResourceOf(path as string) };
});

const labelled = (name: string, labels?: Record<string, string>) => ({
  metadata: { name, ...(labels ? { labels } : {}) },
});
const guestNamespace = { ...(namespace as KubernetesManifest) };
/** The labels the agent puts on its guest namespace (guest=true, Pod Security restricted, …). */
const guestLabels = (guestNamespace.metadata as { labels: Record<string, string> }).labels;
const badName = {
  allowed: false,
  message: "the alliance agent may only manage namespaces named alliance-guest-*",
};
const kubeSystem = labelled("kube-system", { "kubernetes.io/metadata.name": "kube-system" });
const namespaceRequest = (operation: AdmissionRequest["operation"], object: unknown, oldObject: unknown) =>
  admit(objects, {
    group: "",
    resource: "namespaces",
    kind: "Namespace",
    operation,
    object,
    oldObject,
  } as AdmissionRequest);
const bindingRequest = (
  object: unknown,
  namespaceObject: unknown,
  operation: "CREATE" | "UPDATE" = "CREATE",
) =>
  admit(objects, {
    group: "rbac.authorization.k8s.io",
    resource: "rolebindings",
    kind: "RoleBinding",
    operation,
    object,
    oldObject: operation === "UPDATE" ? object : null,
    namespaceObject,
  } as AdmissionRequest);

describe("install manifest: RBAC covers exactly what the agent applies", () => {
  it("allows get, create and patch (server-side apply and read-back) of every object in a guest namespace", () => {
    for (const object of applied)
      for (const verb of ["get", "create", "patch"])
        expect(rbacAllows(objects, { verb, ...object }, [GUEST_NS]), `${verb} ${object.kind}`).toBe(true);
  });

  it("grants no kind the agent does not apply, and no update or delete of single objects", () => {
    const granted = objects
      .find((object) => object.kind === "ClusterRole" && object.metadata.name === "alliance-agent-guest")
      ?.rules.flatMap((rule: { apiGroups: string[]; resources: string[] }) =>
        rule.apiGroups.flatMap((group) => rule.resources.map((resource) => `${group}/${resource}`)),
      );
    const used = applied
      .filter((object) => object.kind !== "RoleBinding")
      .map((o) => `${o.group}/${o.resource}`);
    expect([...granted].sort()).toEqual([...new Set(used)].sort());
    for (const object of applied)
      for (const verb of ["update", "delete", "deletecollection"])
        expect(rbacAllows(objects, { verb, ...object }, [GUEST_NS]), `${verb} ${object.kind}`).toBe(false);
  });

  it("writes nothing outside guest namespaces: no guest role there, so no workload in kube-system", () => {
    for (const object of applied.filter((o) => o.kind !== "RoleBinding"))
      expect(rbacAllows(objects, { verb: "patch", ...object, namespace: "kube-system" }, [GUEST_NS])).toBe(
        false,
      );
  });

  it("lets the agent create, patch and delete namespaces (which ones is the admission policy's job)", () => {
    for (const verb of ["get", "create", "patch", "delete"])
      expect(rbacAllows(objects, { verb, group: "", resource: "namespaces", name: GUEST_NS })).toBe(true);
    expect(rbacAllows(objects, { verb: "update", group: "", resource: "namespaces" })).toBe(false);
  });

  it("lets the agent bind only the guest ClusterRole, and change no role or cluster-wide binding", () => {
    const rbacGroup = "rbac.authorization.k8s.io";
    expect(
      rbacAllows(objects, {
        verb: "bind",
        group: rbacGroup,
        resource: "clusterroles",
        name: "alliance-agent-guest",
      }),
    ).toBe(true);
    for (const name of ["admin", "cluster-admin", "edit", "alliance-agent-guest-admin"])
      expect(rbacAllows(objects, { verb: "bind", group: rbacGroup, resource: "clusterroles", name })).toBe(
        false,
      );
    for (const resource of ["clusterroles", "roles", "clusterrolebindings"])
      for (const verb of ["create", "patch", "update", "escalate", "bind"])
        expect(
          rbacAllows(objects, { verb, group: rbacGroup, resource, name: "alliance-agent-guest" }, [GUEST_NS]),
          `${verb} ${resource}`,
        ).toBe(resource === "clusterroles" && verb === "bind");
  });
});

describe("install manifest: the admission policy, evaluated", () => {
  it("admits the guest namespace the agent applies, created, updated and deleted", () => {
    expect(namespaceRequest("CREATE", guestNamespace, null)).toEqual({ allowed: true });
    expect(namespaceRequest("UPDATE", guestNamespace, guestNamespace)).toEqual({ allowed: true });
    expect(namespaceRequest("DELETE", null, guestNamespace)).toEqual({ allowed: true });
  });

  it("refuses deleting kube-system, unlabelled or wrongly labelled namespaces, and non-guest names", () => {
    const notGuest = {
      allowed: false,
      message: "the alliance agent may only change or delete namespaces that already are guest namespaces",
    };
    expect(namespaceRequest("DELETE", null, kubeSystem)).toEqual(notGuest);
    expect(namespaceRequest("DELETE", null, labelled("alliance-guest-x"))).toEqual(notGuest);
    const labelledFalse = labelled("alliance-guest-x", { ...guestLabels, "alliance.coop/guest": "false" });
    expect(namespaceRequest("DELETE", null, labelledFalse)).toEqual(notGuest);
    // Labelled guest by someone else, but not a name the agent ever creates.
    expect(namespaceRequest("DELETE", null, labelled("payments", guestLabels))).toEqual(badName);
  });

  it("refuses creating a namespace without the guest label, name or Pod Security, and relabelling a host one", () => {
    expect(namespaceRequest("CREATE", labelled("alliance-guest-x"), null)).toEqual({
      allowed: false,
      message: "the alliance agent may only create guest namespaces",
    });
    expect(namespaceRequest("CREATE", labelled("kube-extra", guestLabels), null)).toEqual(badName);
    const relabelled = labelled("kube-system", guestLabels);
    expect(namespaceRequest("UPDATE", relabelled, kubeSystem)).toEqual({
      allowed: false,
      message: "the alliance agent may only change or delete namespaces that already are guest namespaces",
    });
    const privileged = { ...guestLabels, "pod-security.kubernetes.io/enforce": "privileged" };
    for (const [operation, oldObject] of [
      ["CREATE", null],
      ["UPDATE", guestNamespace],
    ] as const)
      expect(namespaceRequest(operation, labelled(GUEST_NS, privileged), oldObject)).toEqual({
        allowed: false,
        message: "guest namespaces must enforce the restricted Pod Security Standard",
      });
    // Dropping the label would take the namespace out of the policy's reach.
    expect(namespaceRequest("UPDATE", labelled(GUEST_NS), guestNamespace)).toMatchObject({ allowed: false });
  });

  it("does not restrict anyone but the agent (a cluster admin may delete what they like)", () => {
    const request = {
      group: "",
      resource: "namespaces",
      kind: "Namespace",
      operation: "DELETE",
      oldObject: kubeSystem,
    };
    expect(admit(objects, { ...request, username: "kubernetes-admin" } as AdmissionRequest)).toEqual({
      allowed: true,
    });
  });

  it("admits the agent's own RoleBinding in a guest namespace, created and re-applied", () => {
    expect(bindingRequest(binding, guestNamespace)).toEqual({ allowed: true });
    expect(bindingRequest(binding, guestNamespace, "UPDATE")).toEqual({ allowed: true });
  });

  it("refuses bindings outside guest namespaces, of other roles, or to other subjects", () => {
    expect(bindingRequest(binding, kubeSystem)).toMatchObject({ allowed: false });
    const roleRef = binding.roleRef as Record<string, string>;
    const subjects = binding.subjects as Record<string, string>[];
    const other = (changes: Record<string, unknown>) => ({ ...binding, ...changes });
    expect(bindingRequest(other({ roleRef: { ...roleRef, name: "admin" } }), guestNamespace)).toMatchObject({
      allowed: false,
    });
    expect(bindingRequest(other({ roleRef: { ...roleRef, kind: "Role" } }), guestNamespace)).toMatchObject({
      allowed: false,
    });
    const guestAccount = { kind: "ServiceAccount", name: "default", namespace: GUEST_NS };
    expect(bindingRequest(other({ subjects: [guestAccount] }), guestNamespace)).toEqual({
      allowed: false,
      message: "the alliance agent may only bind its guest role to itself",
    });
    expect(bindingRequest(other({ subjects: [...subjects, guestAccount] }), guestNamespace)).toMatchObject({
      allowed: false,
    });
    expect(
      bindingRequest(other({ subjects: [{ kind: "Group", name: "system:authenticated" }] }), guestNamespace),
    ).toMatchObject({ allowed: false });
    const { subjects: _, ...nobody } = binding;
    expect(bindingRequest(nobody, guestNamespace)).toMatchObject({ allowed: false });
  });
});
