import type { ResourceAmount } from "../hub/operations.js";

/**
 * The ResourceQuota's `hard` list for a reservation. Requests only: the reservation is what the scheduler counted
 * (requests), and a limits quota would reject every container without limits. Storage is capped per class and in
 * total, GPUs of all models together (Kubernetes has no quota per GPU model).
 */
export function quotaFor(reservation: ResourceAmount[]): Record<string, string> {
  const hard: Record<string, string> = {
    "count/services.loadbalancer": "0",
    "count/services.nodeports": "0",
  };
  let storage = 0;
  let gpus = 0;
  for (const { resource, amount } of reservation) {
    const value = Math.ceil(amount);
    if (resource === "cpu") hard["requests.cpu"] = `${value}m`;
    else if (resource === "memory") hard["requests.memory"] = String(value);
    else if (resource === "pods") hard.pods = String(value);
    else if (resource.startsWith("storage:")) {
      storage += value;
      const storageClass = resource.slice("storage:".length);
      if (storageClass && storageClass !== "(none)")
        hard[`${storageClass}.storageclass.storage.k8s.io/requests.storage`] = String(value);
    } else if (resource.startsWith("gpu:")) gpus += value;
  }
  // Without a storage or GPU reservation the guest gets none: a missing quota entry would mean "unlimited".
  hard["requests.storage"] = String(storage);
  hard["requests.nvidia.com/gpu"] = String(gpus);
  return hard;
}
