import { expect } from "vitest";
import { parseAllDocuments } from "yaml";

/** A Kubernetes object of the install manifest, as parsed from YAML. */
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is navigated freely by the assertions below.
type KubeObject = Record<string, any>;

const READ = ["get", "list", "watch"];
const APPLY = ["get", "create", "patch"];
const GUEST =
  'has(%O.metadata.labels) && "alliance.coop/guest" in %O.metadata.labels && %O.metadata.labels["alliance.coop/guest"] == "true"';
const guestLabelled = (object: string) => GUEST.replaceAll("%O", object);

/** Parses the multi-document YAML the hub serves; fails on any YAML error. */
export function parseManifest(text: string): KubeObject[] {
  const documents = parseAllDocuments(text);
  for (const document of documents) expect(document.errors).toEqual([]);
  return documents.map((document) => document.toJS() as KubeObject);
}

function only(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.filter((object) => object.kind === kind && object.metadata?.name === name);
  expect(found, `${kind}/${name}`).toHaveLength(1);
  return found[0];
}

/**
 * The install manifest grants exactly the least privilege the issue asks for: read-only nodes, pods, namespaces,
 * claims and storage classes; writes only in guest namespaces, enforced by the admission policy; the join token
 * in a Secret; the Deployment running as the agent's service account. Exact values, so any widening fails.
 */
export function expectLeastPrivilegeManifest(
  objects: KubeObject[],
  joinToken: string,
  hubGraphqlUrl: string,
) {
  expect(JSON.stringify(objects)).not.toContain('"*"');
  expect(only(objects, "ClusterRole", "alliance-agent-read").rules).toEqual([
    { apiGroups: [""], resources: ["nodes", "pods", "namespaces", "persistentvolumeclaims"], verbs: READ },
    { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: READ },
    { nonResourceURLs: ["/version"], verbs: ["get"] },
  ]);
  expect(only(objects, "ClusterRole", "alliance-agent-guest-admin").rules).toEqual([
    { apiGroups: [""], resources: ["namespaces"], verbs: ["create", "patch", "delete"] },
    { apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings"], verbs: APPLY },
    {
      apiGroups: ["rbac.authorization.k8s.io"],
      resources: ["clusterroles"],
      verbs: ["bind"],
      resourceNames: ["alliance-agent-guest"],
    },
  ]);
  // The write role is never bound cluster-wide: only through RoleBindings the admission policy checks. Exactly the
  // kinds the agent applies (guest kinds and its guard rails), with the verbs server-side apply needs.
  expect(only(objects, "ClusterRole", "alliance-agent-guest").rules).toEqual([
    {
      apiGroups: [""],
      resources: [
        "configmaps",
        "secrets",
        "services",
        "persistentvolumeclaims",
        "serviceaccounts",
        "resourcequotas",
        "limitranges",
      ],
      verbs: APPLY,
    },
    { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "daemonsets"], verbs: APPLY },
    { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: APPLY },
    { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: APPLY },
    { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: APPLY },
    { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies", "ingresses"], verbs: APPLY },
    { apiGroups: ["gateway.networking.k8s.io"], resources: ["httproutes"], verbs: APPLY },
  ]);
  const bindings = objects.filter((object) => object.kind === "ClusterRoleBinding");
  expect(bindings.map((binding) => binding.roleRef.name).sort()).toEqual([
    "alliance-agent-guest-admin",
    "alliance-agent-read",
  ]);
  for (const binding of bindings)
    expect(binding.subjects).toEqual([
      { kind: "ServiceAccount", name: "alliance-agent", namespace: "alliance-agent" },
    ]);

  const policy = only(objects, "ValidatingAdmissionPolicy", "alliance-agent-guest-only").spec;
  expect(policy.failurePolicy).toBe("Fail");
  expect(policy.matchConditions).toEqual([
    {
      name: "agent-only",
      expression: 'request.userInfo.username == "system:serviceaccount:alliance-agent:alliance-agent"',
    },
  ]);
  expect(
    policy.matchConstraints.resourceRules.map((rule: KubeObject) => [rule.resources, rule.operations]),
  ).toEqual([
    [["namespaces"], ["CREATE", "UPDATE", "DELETE"]],
    [["rolebindings"], ["CREATE", "UPDATE"]],
  ]);
  expect(policy.validations.map((validation: KubeObject) => validation.expression)).toEqual([
    `request.kind.kind != "Namespace" || request.operation == "DELETE" || (${guestLabelled("object")})`,
    `request.kind.kind != "Namespace" || request.operation == "CREATE" || (${guestLabelled("oldObject")})`,
    `request.kind.kind != "Namespace" || (request.operation == "DELETE" ? oldObject : object).metadata.name.startsWith("alliance-guest-")`,
    `request.kind.kind != "Namespace" || request.operation == "DELETE" || (has(object.metadata.labels) && "pod-security.kubernetes.io/enforce" in object.metadata.labels && object.metadata.labels["pod-security.kubernetes.io/enforce"] == "restricted")`,
    `request.kind.kind != "RoleBinding" || (${guestLabelled("namespaceObject")} && object.roleRef.kind == "ClusterRole" && object.roleRef.name == "alliance-agent-guest")`,
    `request.kind.kind != "RoleBinding" || (has(object.subjects) && object.subjects.all(subject, subject.kind == "ServiceAccount" && subject.name == "alliance-agent" && has(subject.namespace) && subject.namespace == "alliance-agent"))`,
  ]);
  expect(only(objects, "ValidatingAdmissionPolicyBinding", "alliance-agent-guest-only").spec).toEqual({
    policyName: "alliance-agent-guest-only",
    validationActions: ["Deny"],
  });

  const secret = only(objects, "Secret", "alliance-agent-join");
  expect(secret.metadata.namespace).toBe("alliance-agent");
  expect(secret.stringData).toEqual({ token: joinToken });
  const deployment = only(objects, "Deployment", "alliance-agent");
  const pod = deployment.spec.template.spec;
  expect(pod.serviceAccountName).toBe("alliance-agent");
  only(objects, "ServiceAccount", "alliance-agent");
  expect(pod.initContainers[0].env).toContainEqual({
    name: "ALLIANCE_JOIN_TOKEN",
    valueFrom: { secretKeyRef: { name: "alliance-agent-join", key: "token" } },
  });
  // The token reaches the agent only through the Secret, never inline in the Deployment.
  expect(JSON.stringify(deployment)).not.toContain(joinToken);
  expect(pod.containers[0].env).toContainEqual({ name: "ALLIANCE_HUB_URL", value: hubGraphqlUrl });
}
