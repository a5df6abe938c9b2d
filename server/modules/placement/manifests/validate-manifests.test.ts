import { describe, expect, it } from "vitest";
import { validateManifests } from "./validate-manifests.js";

const deployment = (podSpec: string) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
${podSpec}`;

const SAFE_POD = `      containers:
        - name: web
          image: registry.example/odoo@sha256:${"a".repeat(64)}
          resources: { requests: { cpu: 500m, memory: 1Gi } }
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false }`;

function problemsOf(yamlText: string): string[] {
  const result = validateManifests(yamlText);
  return result.ok ? [] : result.problems.map((problem) => `${problem.object}: ${problem.message}`);
}

describe("Guest workload manifests", () => {
  it("accepts an ordinary application", () => {
    const result = validateManifests(
      `${deployment(SAFE_POD)}\n---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { ports: [{ port: 80 }] }\n`,
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.objects.map((object) => object.kind)).toEqual(["Deployment", "Service"]);
  });

  it.each([
    [
      "a cluster-scoped object",
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: grab }\n",
      /ClusterRoleBinding is not an allowed kind/,
    ],
    [
      "a namespace",
      "apiVersion: v1\nkind: Namespace\nmetadata: { name: mine }\n",
      /Namespace is not an allowed kind/,
    ],
    [
      "a network policy (policies add up and could open the isolation)",
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: allow-all }\nspec: { podSelector: {} }\n",
      /NetworkPolicy\/allow-all: NetworkPolicy is not allowed/,
    ],
    [
      "a chosen namespace",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: kube-system }\n",
      /metadata.namespace must not be set/,
    ],
    [
      "a privileged container",
      deployment(
        "      containers:\n        - name: x\n          image: x\n          securityContext: { privileged: true }",
      ),
      /Deployment\/web: .*privileged is not allowed/,
    ],
    [
      "a host path",
      deployment(
        "      containers: [{ name: x, image: x }]\n      volumes: [{ name: root, hostPath: { path: / } }]",
      ),
      /volumes\[0\].hostPath is not allowed/,
    ],
    [
      "host networking",
      deployment("      hostNetwork: true\n      containers: [{ name: x, image: x }]"),
      /hostNetwork is not allowed/,
    ],
    [
      "a host port",
      deployment("      containers: [{ name: x, image: x, ports: [{ containerPort: 80, hostPort: 80 }] }]"),
      /hostPort is not allowed/,
    ],
    [
      "added capabilities",
      deployment(
        "      containers: [{ name: x, image: x, securityContext: { capabilities: { add: [SYS_ADMIN] } } }]",
      ),
      /may only contain NET_BIND_SERVICE/,
    ],
    [
      "a root user",
      deployment("      securityContext: { runAsUser: 0 }\n      containers: [{ name: x, image: x }]"),
      /runAsUser must not be 0/,
    ],
    ["a bad name", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: Not_Valid }\n", /valid DNS subdomain/],
    ["broken YAML", "apiVersion: v1\nkind: [unclosed\n", /\(yaml\)/],
    [
      "a YAML alias bomb",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: &a x, b: *a }\n",
      /\(yaml\).*alias/i,
    ],
    ["nothing at all", "# just a comment\n", /no Kubernetes objects/],
  ])("refuses %s, naming the object", (_label, yamlText, expected) => {
    expect(problemsOf(yamlText).join("\n")).toMatch(expected);
  });

  it("refuses a CronJob whose nested pod is privileged", () => {
    const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: backup }\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{ name: x, image: x, securityContext: { privileged: true } }]\n`;
    expect(problemsOf(cron).join("\n")).toMatch(
      /spec.jobTemplate.spec.template.spec.containers\[0\].securityContext.privileged/,
    );
  });

  it("reports every problem, not just the first", () => {
    const two =
      "apiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n---\napiVersion: v1\nkind: Node\nmetadata: { name: b }\n";
    expect(problemsOf(two)).toHaveLength(2);
  });

  it("refuses more than 512 KiB", () => {
    expect(problemsOf(`# ${"x".repeat(512 * 1024)}`).join()).toMatch(/exceed 512 KiB/);
  });
});
