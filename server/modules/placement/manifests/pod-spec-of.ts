/** A loosely typed Kubernetes object as parsed from YAML. */
export type KubernetesObject = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a nested field (`spec.template.spec`) when every step is an object. */
export function field(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The pod spec a workload object runs, with its path for error messages, or undefined for non-workloads. */
export function podSpecOf(
  kind: string,
  object: KubernetesObject,
): { spec: Record<string, unknown>; path: string } | undefined {
  const paths: Record<string, string> = {
    Deployment: "spec.template.spec",
    StatefulSet: "spec.template.spec",
    DaemonSet: "spec.template.spec",
    Job: "spec.template.spec",
    CronJob: "spec.jobTemplate.spec.template.spec",
  };
  const path = paths[kind];
  if (!path) return undefined;
  const spec = field(object, path);
  return isObject(spec) ? { spec, path } : undefined;
}

export { isObject };
