/** Fields of a decision's explanation as the placement pages show it. */
export const EXPLANATION_FIELDS = `
  id decidedAt outcome trigger requestedReplicas placeableReplicas fairShare clusterCount filteredCount
  filterCounts { filter clusters }
  clusters(first: 100) { clusterName cooperativeName chosenReplicas total
    filtered { filter reason } scores { scorer score weight } cluster { id } }`;

/** One line of an explanation: a cluster, filtered (and why) or scored. */
export interface ExplanationLine {
  clusterName: string;
  cooperativeName: string;
  chosenReplicas: number;
  total: number | null;
  filtered: { filter: string; reason: string } | null;
  scores: Array<{ scorer: string; score: number; weight: number }>;
  cluster: { id: string } | null;
}

/** A scheduling decision with its explanation. */
export interface Decision {
  id: string;
  decidedAt: string;
  outcome: string;
  trigger: string;
  requestedReplicas: number;
  placeableReplicas: number;
  fairShare: number;
  clusterCount: number;
  filteredCount: number;
  filterCounts: Array<{ filter: string; clusters: number }>;
  clusters: ExplanationLine[];
}

/** An amount of one resource (`cpu` in millicores, bytes for memory and storage). */
export interface ResourceAmount {
  resource: string;
  amount: number;
}

/** Agent-reported condition of work on one cluster. */
export interface WorkCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

/** A placement's work on one cluster. */
export interface PlacementWork {
  id: string;
  replicas: number;
  namespace: string;
  generation: number;
  observedGeneration: number | null;
  desiredState: string;
  removalReason: string | null;
  reportedAt: string | null;
  availableSince: string | null;
  releasedAt: string | null;
  cluster: { id: string; name: string };
  providerCooperative: { name: string };
  reservation: ResourceAmount[];
  conditions: WorkCondition[];
  objects: Array<{ apiVersion: string; kind: string; name: string; status: string; message: string }>;
}

const STATUS_LABELS: Record<string, { label: string; tone: string }> = {
  QUEUED: { label: "Queued", tone: "badge-warning" },
  PLACED: { label: "Placed", tone: "badge-success" },
  CANCELLED: { label: "Cancelled", tone: "badge-neutral" },
  FAILED: { label: "Failed", tone: "badge-danger" },
};

/** A placement status as a label and badge tone (the text always says it; colour is never the only cue). */
export const placementStatus = (status: string) =>
  STATUS_LABELS[status] ?? { label: status, tone: "badge-neutral" };

/** `cpu` in cores, bytes in GiB or MiB, counts as they are. */
export function formatAmount({ resource, amount }: ResourceAmount): string {
  if (resource === "cpu") return `${Number((amount / 1000).toFixed(3))} CPU`;
  if (resource === "memory" || resource.startsWith("storage") || resource === "ephemeral-storage") {
    const gib = amount / 1024 ** 3;
    return gib >= 1
      ? `${Number(gib.toFixed(2))} GiB ${resource}`
      : `${Math.round(amount / 1024 ** 2)} MiB ${resource}`;
  }
  return `${amount} ${resource}`;
}

/** A resource list in one line. */
export const formatAmounts = (amounts: readonly ResourceAmount[]) =>
  amounts.length > 0 ? amounts.map(formatAmount).join(", ") : "—";

/** A condition of the work, or undefined when the agent has not reported it. */
export const conditionOf = (work: Pick<PlacementWork, "conditions">, type: string) =>
  work.conditions.find((condition) => condition.type === type);
