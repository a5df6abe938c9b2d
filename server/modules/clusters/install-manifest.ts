import { stringify } from "yaml";
import { AGENT_VERSION } from "../../../agent/version.js";

/** The agent's container image; the tag follows the agent version the hub was built with. */
export const AGENT_IMAGE = `ghcr.io/the-cooperative-cloud/alliance-agent:${AGENT_VERSION}`;
export const AGENT_NAMESPACE = "alliance-agent";
/** Label of the guest namespaces the agent creates; the admission policy keeps its writes inside them. */
export const GUEST_NAMESPACE_LABEL = "alliance.coop/guest";

const labels = { "app.kubernetes.io/name": "alliance-agent", "app.kubernetes.io/part-of": "alliance-hub" };
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), labels });
const agentUser = `system:serviceaccount:${AGENT_NAMESPACE}:alliance-agent`;

const READ = ["get", "list", "watch"];
/**
 * Server-side apply is a PATCH, authorized as `patch` and, when it creates the object, also as `create`; `get`
 * reads the object back. No `update` (never sent), no `list`/`watch` (the agent reads single objects), no `delete`
 * of single objects (removal deletes the whole namespace).
 */
const APPLY = ["get", "create", "patch"];
/** Prefix of every guest namespace name (the agent refuses any other name too). */
const GUEST_NAMESPACE_PREFIX = "alliance-guest-";
const POD_SECURITY_LABEL = "pod-security.kubernetes.io/enforce";

/**
 * The kinds the agent applies inside a guest namespace, per API group: the guest kinds of `agent/work/kinds.ts`
 * and the agent's own guard rails (ResourceQuota, LimitRange, the `alliance-isolation` NetworkPolicy; guests may
 * not send NetworkPolicies, the agent still applies its own). One rule per group, so no group is paired with
 * another group's resources.
 */
const GUEST_RESOURCES: ReadonlyArray<[group: string, resources: string[]]> = [
  [
    "",
    [
      "configmaps",
      "secrets",
      "services",
      "persistentvolumeclaims",
      "serviceaccounts",
      "resourcequotas",
      "limitranges",
    ],
  ],
  ["apps", ["deployments", "statefulsets", "daemonsets"]],
  ["batch", ["jobs", "cronjobs"]],
  ["autoscaling", ["horizontalpodautoscalers"]],
  ["policy", ["poddisruptionbudgets"]],
  ["networking.k8s.io", ["networkpolicies", "ingresses"]],
  ["gateway.networking.k8s.io", ["httproutes"]],
];

/** CEL: the namespace `object` (object, oldObject, namespaceObject) carries `alliance.coop/guest: "true"`. */
const guestLabelled = (object: string) =>
  `has(${object}.metadata.labels) && "${GUEST_NAMESPACE_LABEL}" in ${object}.metadata.labels && ${object}.metadata.labels["${GUEST_NAMESPACE_LABEL}"] == "true"`;

/**
 * Least privilege: read nodes, pods, namespaces, claims and storage classes everywhere; create, change and delete
 * guest namespaces, and write workloads only in them. RBAC cannot scope by label, so a ValidatingAdmissionPolicy
 * (GA since Kubernetes 1.30) refuses the agent's role bindings outside guest namespaces, any namespace it would
 * create or relabel without the guest label, and the deletion of any namespace that is not a guest namespace.
 */
function rbac(): object[] {
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: meta("alliance-agent-read"),
      rules: [
        {
          apiGroups: [""],
          resources: ["nodes", "pods", "namespaces", "persistentvolumeclaims"],
          verbs: READ,
        },
        { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: READ },
        { nonResourceURLs: ["/version"], verbs: ["get"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: meta("alliance-agent-read"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "alliance-agent-read" },
      subjects: [{ kind: "ServiceAccount", name: "alliance-agent", namespace: AGENT_NAMESPACE }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: meta("alliance-agent-guest-admin"),
      rules: [
        // Which namespaces: only guest ones, enforced by the admission policy below (RBAC cannot see labels).
        { apiGroups: [""], resources: ["namespaces"], verbs: ["create", "patch", "delete"] },
        {
          apiGroups: ["rbac.authorization.k8s.io"],
          resources: ["rolebindings"],
          verbs: APPLY,
        },
        // Kubernetes refuses to create or change a role binding unless its author holds every right of the bound
        // role or may `bind` it. The agent holds no rights of its own in a fresh guest namespace, so it needs
        // `bind`, granted for this one ClusterRole by name: binding any other role (admin, cluster-admin, …)
        // fails that escalation check. Not `escalate`, and no write on roles, cluster roles or cluster role
        // bindings, so it can neither widen the guest role nor bind it cluster-wide; the admission policy also
        // pins the binding's role and subject.
        {
          apiGroups: ["rbac.authorization.k8s.io"],
          resources: ["clusterroles"],
          verbs: ["bind"],
          resourceNames: ["alliance-agent-guest"],
        },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: meta("alliance-agent-guest-admin"),
      roleRef: {
        apiGroup: "rbac.authorization.k8s.io",
        kind: "ClusterRole",
        name: "alliance-agent-guest-admin",
      },
      subjects: [{ kind: "ServiceAccount", name: "alliance-agent", namespace: AGENT_NAMESPACE }],
    },
    {
      // Never bound cluster-wide: only by the agent's RoleBinding inside each guest namespace.
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: meta("alliance-agent-guest"),
      rules: GUEST_RESOURCES.map(([group, resources]) => ({ apiGroups: [group], resources, verbs: APPLY })),
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: meta("alliance-agent-guest-only"),
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: [""],
              apiVersions: ["v1"],
              operations: ["CREATE", "UPDATE", "DELETE"],
              resources: ["namespaces"],
            },
            {
              // Server-side apply of an existing binding arrives as UPDATE.
              apiGroups: ["rbac.authorization.k8s.io"],
              apiVersions: ["v1"],
              operations: ["CREATE", "UPDATE"],
              resources: ["rolebindings"],
            },
          ],
        },
        matchConditions: [{ name: "agent-only", expression: `request.userInfo.username == "${agentUser}"` }],
        // On DELETE `object` is null and `oldObject` is the namespace being deleted; on CREATE `oldObject` is null.
        validations: [
          {
            expression: `request.kind.kind != "Namespace" || request.operation == "DELETE" || (${guestLabelled("object")})`,
            message: "the alliance agent may only create guest namespaces",
          },
          {
            // Without this, the agent could label kube-system as a guest namespace and bind its role there, or
            // delete kube-system or any host namespace.
            expression: `request.kind.kind != "Namespace" || request.operation == "CREATE" || (${guestLabelled("oldObject")})`,
            message:
              "the alliance agent may only change or delete namespaces that already are guest namespaces",
          },
          {
            expression: `request.kind.kind != "Namespace" || (request.operation == "DELETE" ? oldObject : object).metadata.name.startsWith("${GUEST_NAMESPACE_PREFIX}")`,
            message: `the alliance agent may only manage namespaces named ${GUEST_NAMESPACE_PREFIX}*`,
          },
          {
            // The agent may create DaemonSets and other pods there: without this, it could label a guest
            // namespace `privileged` and run a privileged pod on every node.
            expression: `request.kind.kind != "Namespace" || request.operation == "DELETE" || (has(object.metadata.labels) && "${POD_SECURITY_LABEL}" in object.metadata.labels && object.metadata.labels["${POD_SECURITY_LABEL}"] == "restricted")`,
            message: "guest namespaces must enforce the restricted Pod Security Standard",
          },
          {
            expression: `request.kind.kind != "RoleBinding" || (${guestLabelled("namespaceObject")} && object.roleRef.kind == "ClusterRole" && object.roleRef.name == "alliance-agent-guest")`,
            message: "the alliance agent may only bind its guest role inside guest namespaces",
          },
          {
            // Else the agent could hand its guest role to a guest's own service account.
            expression: `request.kind.kind != "RoleBinding" || (has(object.subjects) && object.subjects.all(subject, subject.kind == "ServiceAccount" && subject.name == "alliance-agent" && has(subject.namespace) && subject.namespace == "${AGENT_NAMESPACE}"))`,
            message: "the alliance agent may only bind its guest role to itself",
          },
        ],
      },
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: meta("alliance-agent-guest-only"),
      spec: { policyName: "alliance-agent-guest-only", validationActions: ["Deny"] },
    },
  ];
}

/** The agent: joins once (state on a small volume), then runs; requests match the footprint target. */
function workload(hubUrl: string): object[] {
  const env = [
    { name: "ALLIANCE_HUB_URL", value: `${hubUrl}/graphql` },
    { name: "ALLIANCE_IN_CLUSTER", value: "true" },
    { name: "ALLIANCE_STATE_FILE", value: "/var/lib/alliance-agent/state.json" },
  ];
  const securityContext = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
  };
  const volumeMounts = [{ name: "state", mountPath: "/var/lib/alliance-agent" }];
  return [
    {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: meta("alliance-agent-state", AGENT_NAMESPACE),
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "16Mi" } } },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta("alliance-agent", AGENT_NAMESPACE),
      spec: {
        replicas: 1,
        strategy: { type: "Recreate" },
        selector: { matchLabels: { "app.kubernetes.io/name": "alliance-agent" } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: "alliance-agent",
            securityContext: {
              runAsUser: 65532,
              runAsGroup: 65532,
              fsGroup: 65532,
              seccompProfile: { type: "RuntimeDefault" },
            },
            initContainers: [
              {
                name: "join",
                image: AGENT_IMAGE,
                command: ["sh", "-c", 'test -f "$ALLIANCE_STATE_FILE" || exec alliance-agent join'],
                env: [
                  ...env,
                  {
                    name: "ALLIANCE_JOIN_TOKEN",
                    valueFrom: { secretKeyRef: { name: "alliance-agent-join", key: "token" } },
                  },
                ],
                securityContext,
                volumeMounts,
              },
            ],
            containers: [
              {
                name: "agent",
                image: AGENT_IMAGE,
                args: ["run"],
                env,
                resources: { requests: { cpu: "50m", memory: "150Mi" }, limits: { memory: "256Mi" } },
                securityContext,
                volumeMounts,
              },
            ],
            volumes: [{ name: "state", persistentVolumeClaim: { claimName: "alliance-agent-state" } }],
          },
        },
      },
    },
  ];
}

/** The install manifest for one join token, as multi-document YAML. */
export function installManifest(hubUrl: string, joinToken: string, clusterName: string): string {
  const documents: object[] = [
    { apiVersion: "v1", kind: "Namespace", metadata: meta(AGENT_NAMESPACE) },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: meta("alliance-agent", AGENT_NAMESPACE) },
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        ...meta("alliance-agent-join", AGENT_NAMESPACE),
        annotations: { "alliance.coop/cluster-name": clusterName },
      },
      type: "Opaque",
      stringData: { token: joinToken },
    },
    ...rbac(),
    ...workload(hubUrl),
  ];
  const header = `# Alliance agent for cluster "${clusterName}". Apply with kubectl apply -f -.\n`;
  return header + documents.map((document) => stringify(document, { lineWidth: 0 })).join("---\n");
}
