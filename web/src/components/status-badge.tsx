const STATUS: Record<string, { label: string; tone: string }> = {
  PENDING: { label: "Waiting for a steward", tone: "badge-warning" },
  APPROVED: { label: "Approved", tone: "badge-success" },
  DECLINED: { label: "Declined", tone: "badge-danger" },
};

/** A cooperative's application status as a coloured label (colour is never the only cue: the text says it). */
export function StatusBadge({ status }: { status: string }) {
  const known = STATUS[status] ?? { label: status, tone: "badge-neutral" };
  return <span className={`badge ${known.tone}`}>{known.label}</span>;
}
