import { evaluate } from "@marcbachmann/cel-js";

/** A Kubernetes object of the install manifest, as parsed from YAML. */
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is navigated freely, as the API server does.
type KubeObject = Record<string, any>;

/** The agent's identity, as the API server sees it. */
export const AGENT_USER = "system:serviceaccount:alliance-agent:alliance-agent";

/** What the admission chain sees of one request (the fields the policy reads). */
export interface AdmissionRequest {
  group: string;
  resource: string;
  kind: string;
  operation: "CREATE" | "UPDATE" | "DELETE";
  username?: string;
  object?: KubeObject | null;
  oldObject?: KubeObject | null;
  /** The namespace a namespaced object lives in; null for cluster-scoped requests (as in Kubernetes). */
  namespaceObject?: KubeObject | null;
}

/** Admitted, or the message of the first refusing validation (or of an expression error: failurePolicy Fail). */
export type AdmissionResult = { allowed: true } | { allowed: false; message: string };

/**
 * Runs the manifest's ValidatingAdmissionPolicies over a request like the API server does: a policy whose
 * constraints or match conditions do not match admits; else every validation must be true. A CEL error (e.g. a
 * missing field) refuses, as `failurePolicy: Fail` does. The CEL is evaluated for real (cel-js), not compared.
 */
export function admit(objects: KubeObject[], request: AdmissionRequest): AdmissionResult {
  const variables = {
    request: {
      kind: { kind: request.kind },
      operation: request.operation,
      userInfo: { username: request.username ?? AGENT_USER },
    },
    object: request.object ?? null,
    oldObject: request.oldObject ?? null,
    namespaceObject: request.namespaceObject ?? null,
  };
  for (const policy of objects.filter((object) => object.kind === "ValidatingAdmissionPolicy")) {
    const spec = policy.spec;
    const matched = spec.matchConstraints.resourceRules.some(
      (rule: KubeObject) =>
        rule.apiGroups.includes(request.group) &&
        rule.resources.includes(request.resource) &&
        rule.operations.includes(request.operation),
    );
    if (!matched) continue;
    const conditions = (spec.matchConditions ?? []) as KubeObject[];
    if (!conditions.every((condition) => evaluate(condition.expression, variables) === true)) continue;
    for (const validation of spec.validations as KubeObject[]) {
      let result: unknown;
      try {
        result = evaluate(validation.expression, variables);
      } catch (error) {
        return { allowed: false, message: `${validation.message} (${(error as Error).message})` };
      }
      if (result !== true) return { allowed: false, message: validation.message };
    }
  }
  return { allowed: true };
}

/** One authorization question: may the agent do `verb` on `group/resource` (named `name`) in `namespace`? */
export interface RbacRequest {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
}

function ruleAllows(rule: KubeObject, request: RbacRequest): boolean {
  return (
    (rule.apiGroups ?? []).includes(request.group) &&
    (rule.resources ?? []).includes(request.resource) &&
    rule.verbs.includes(request.verb) &&
    (!rule.resourceNames || (request.name !== undefined && rule.resourceNames.includes(request.name)))
  );
}

/**
 * RBAC as the API server decides it for the agent's service account: the ClusterRoles its ClusterRoleBindings
 * grant everywhere, plus the guest ClusterRole in each namespace of `guestBindings` (where the agent's own
 * RoleBinding binds it). Allow-only rules, no wildcards (the manifest has none).
 */
export function rbacAllows(
  objects: KubeObject[],
  request: RbacRequest,
  guestBindings: string[] = [],
): boolean {
  const role = (name: string) =>
    objects.find((object) => object.kind === "ClusterRole" && object.metadata.name === name);
  const clusterWide = objects
    .filter((object) => object.kind === "ClusterRoleBinding")
    .filter((binding) =>
      binding.subjects.some(
        (subject: KubeObject) => `system:serviceaccount:${subject.namespace}:${subject.name}` === AGENT_USER,
      ),
    )
    .flatMap((binding) => role(binding.roleRef.name)?.rules ?? []);
  const namespaced =
    request.namespace && guestBindings.includes(request.namespace)
      ? (role("alliance-agent-guest")?.rules ?? [])
      : [];
  return [...clusterWide, ...namespaced].some((rule: KubeObject) => ruleAllows(rule, request));
}

/** API group and resource of a REST path built by the agent (`/api/v1/…` or `/apis/<group>/<version>/…`). */
export function groupResourceOf(path: string): { group: string; resource: string; namespace?: string } {
  const parts = path.split("/").filter(Boolean);
  const rest = parts[0] === "api" ? parts.slice(2) : parts.slice(3);
  const group = parts[0] === "api" ? "" : parts[1];
  if (rest[0] === "namespaces" && rest.length > 2) return { group, resource: rest[2], namespace: rest[1] };
  return { group, resource: rest[0] };
}
