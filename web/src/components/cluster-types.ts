/** Shapes and formatting of member clusters as the web pages read them. */
export interface ClusterResource {
  resource: string;
  capacity: number;
  allocatable: number;
  allocated: number;
  pending: number;
}

export interface ClusterSummary {
  id: string;
  name: string;
  acceptance: string;
  availability: string;
  cooperative: { slug: string; name: string };
  labels: Array<{ key: string; value: string }>;
  taints: Array<{ key: string; value: string; effect: string }>;
  capacity: { nodes: { total: number; ready: number }; resources: ClusterResource[] } | null;
}

export const CLUSTER_SUMMARY_FIELDS = `id name acceptance availability
  cooperative { slug name }
  labels { key value }
  taints { key value effect }
  capacity { nodes { total ready } resources { resource capacity allocatable allocated pending } }`;

/** Availability as words: colour is never the only cue. */
export const AVAILABILITY_LABELS: Record<string, { label: string; tone: string }> = {
  TRUE: { label: "Available", tone: "badge-success" },
  FALSE: { label: "Not available", tone: "badge-danger" },
  UNKNOWN: { label: "Unknown", tone: "badge-warning" },
};

export const ACCEPTANCE_LABELS: Record<string, { label: string; tone: string }> = {
  PENDING: { label: "Awaiting acceptance", tone: "badge-warning" },
  ACCEPTED: { label: "In the federation", tone: "badge-success" },
  DENIED: { label: "Denied", tone: "badge-danger" },
};

const BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** A resource amount in its natural unit: cpu millicores as cores, bytes in binary units, counts as is. */
export function formatAmount(resource: string, value: number): string {
  if (resource === "cpu") return `${Number((value / 1000).toFixed(1))} cores`;
  if (resource === "memory" || resource === "ephemeral-storage") {
    let amount = value;
    let unit = 0;
    while (amount >= 1024 && unit < BINARY_UNITS.length - 1) {
      amount /= 1024;
      unit += 1;
    }
    return `${Number(amount.toFixed(1))} ${BINARY_UNITS[unit]}`;
  }
  return String(value);
}

/** A label's value by key, if set. */
export const labelValue = (cluster: Pick<ClusterSummary, "labels">, key: string): string | undefined =>
  cluster.labels.find((label) => label.key === key)?.value;
