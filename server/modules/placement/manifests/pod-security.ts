import { field, isObject } from "./pod-spec-of.js";

/**
 * Problems that make a pod spec unfit for someone else's cluster, close to Kubernetes' "restricted" Pod Security
 * level: no host namespaces, host paths, host ports, privileged or privilege-escalating containers, added
 * capabilities beyond NET_BIND_SERVICE, or root users. Each problem names the field it is about.
 */
export function podSecurityProblems(spec: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const hostField of ["hostNetwork", "hostPID", "hostIPC", "hostUsers"]) {
    const value = spec[hostField];
    if (hostField === "hostUsers" ? value === true : value === true)
      problems.push(`${path}.${hostField} is not allowed`);
  }
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  volumes.forEach((volume, index) => {
    if (isObject(volume) && volume.hostPath !== undefined)
      problems.push(`${path}.volumes[${index}].hostPath is not allowed`);
  });
  if (field(spec, "securityContext.runAsUser") === 0)
    problems.push(`${path}.securityContext.runAsUser must not be 0`);
  for (const listName of ["initContainers", "containers", "ephemeralContainers"]) {
    const containers = Array.isArray(spec[listName]) ? (spec[listName] as unknown[]) : [];
    containers.forEach((container, index) => {
      if (!isObject(container)) return;
      const where = `${path}.${listName}[${index}]`;
      const context = isObject(container.securityContext) ? container.securityContext : {};
      if (context.privileged === true) problems.push(`${where}.securityContext.privileged is not allowed`);
      if (context.allowPrivilegeEscalation === true)
        problems.push(`${where}.securityContext.allowPrivilegeEscalation is not allowed`);
      if (context.runAsUser === 0) problems.push(`${where}.securityContext.runAsUser must not be 0`);
      const added = field(context, "capabilities.add");
      if (Array.isArray(added) && added.some((capability) => capability !== "NET_BIND_SERVICE")) {
        problems.push(`${where}.securityContext.capabilities.add may only contain NET_BIND_SERVICE`);
      }
      const ports = Array.isArray(container.ports) ? container.ports : [];
      ports.forEach((port, portIndex) => {
        if (isObject(port) && port.hostPort !== undefined)
          problems.push(`${where}.ports[${portIndex}].hostPort is not allowed`);
      });
    });
  }
  return problems;
}
