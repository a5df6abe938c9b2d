import { parseAllDocuments } from "yaml";
import { ALLOWED_KINDS, MAX_MANIFEST_BYTES, MAX_MANIFEST_OBJECTS } from "./allowed-kinds.js";
import { isObject, type KubernetesObject, podSpecOf } from "./pod-spec-of.js";
import { podSecurityProblems } from "./pod-security.js";

/** One reason a manifest set is refused, naming the object (`Deployment/web`, document 2) it is about. */
export interface ManifestProblem {
  document: number;
  object: string;
  message: string;
}

export type ManifestValidation =
  | { ok: true; objects: KubernetesObject[] }
  | { ok: false; problems: ManifestProblem[] };

/**
 * Checks a guest workload before the hub places it on another cooperative's cluster: size, YAML syntax, allowed
 * namespaced kinds only, names, no namespace of its own choosing (the agent sets the guest namespace), and pod
 * security. Every problem is reported, not just the first.
 */
export function validateManifests(yamlText: string): ManifestValidation {
  if (Buffer.byteLength(yamlText, "utf8") > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      problems: [
        { document: 0, object: "(all)", message: `manifests exceed ${MAX_MANIFEST_BYTES / 1024} KiB` },
      ],
    };
  }
  const problems: ManifestProblem[] = [];
  const objects: KubernetesObject[] = [];
  const documents = parseAllDocuments(yamlText);
  const list = Array.isArray(documents) ? documents : [documents];
  list.forEach((document, index) => {
    const number = index + 1;
    if (document.errors.length > 0) {
      problems.push({
        document: number,
        object: "(yaml)",
        message: document.errors[0]?.message ?? "invalid YAML",
      });
      return;
    }
    let value: unknown;
    try {
      // No aliases at all: they are how YAML "billion laughs" bombs expand.
      value = document.toJS({ maxAliasCount: 0 });
    } catch (error) {
      problems.push({
        document: number,
        object: "(yaml)",
        message: error instanceof Error ? error.message : "invalid YAML",
      });
      return;
    }
    if (value === null || value === undefined) return;
    if (!isObject(value)) {
      problems.push({
        document: number,
        object: "(yaml)",
        message: "each document must be a Kubernetes object",
      });
      return;
    }
    const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : "";
    const kind = typeof value.kind === "string" ? value.kind : "";
    const name =
      typeof (value.metadata as Record<string, unknown> | undefined)?.name === "string"
        ? String((value.metadata as Record<string, unknown>).name)
        : "";
    const label = `${kind || "?"}/${name || "?"}`;
    const refuse = (message: string) => problems.push({ document: number, object: label, message });
    if (kind === "NetworkPolicy")
      refuse(
        "NetworkPolicy is not allowed: the agent isolates the guest namespace, and policies only add up",
      );
    else if (!ALLOWED_KINDS.has(`${apiVersion}/${kind}`))
      refuse(`${apiVersion}/${kind} is not an allowed kind for guest workloads`);
    if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(name))
      refuse("metadata.name must be a valid DNS subdomain name");
    if (isObject(value.metadata) && value.metadata.namespace !== undefined) {
      refuse("metadata.namespace must not be set: the agent places guest objects in the guest namespace");
    }
    const pod = podSpecOf(kind, value);
    if (pod) for (const message of podSecurityProblems(pod.spec, pod.path)) refuse(message);
    objects.push(value);
  });
  if (objects.length > MAX_MANIFEST_OBJECTS) {
    problems.push({
      document: 0,
      object: "(all)",
      message: `at most ${MAX_MANIFEST_OBJECTS} objects per placement`,
    });
  }
  if (problems.length === 0 && objects.length === 0) {
    problems.push({ document: 0, object: "(all)", message: "no Kubernetes objects found" });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, objects };
}
