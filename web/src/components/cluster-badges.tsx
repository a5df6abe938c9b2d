import { ACCEPTANCE_LABELS, AVAILABILITY_LABELS } from "./cluster-types.js";

/** The Available condition as a labelled badge. */
export function ClusterAvailabilityBadge({ availability }: { availability: string }) {
  const known = AVAILABILITY_LABELS[availability] ?? { label: availability, tone: "badge-neutral" };
  return <span className={`badge ${known.tone}`}>{known.label}</span>;
}

/** Where the cluster stands in the double opt-in. */
export function ClusterAcceptanceBadge({ acceptance }: { acceptance: string }) {
  const known = ACCEPTANCE_LABELS[acceptance] ?? { label: acceptance, tone: "badge-neutral" };
  return <span className={`badge ${known.tone}`}>{known.label}</span>;
}
