import type { GraphqlError } from "../../lib/graphql.js";

interface LooseLine {
  clusterName?: string;
  clusterId?: string;
  filtered?: { filter?: string; reason?: string } | null;
  total?: number | null;
}

/** The explanation lines of a NO_CAPACITY error, whether the hub sends a list or an object with `clusters`. */
function linesOf(explanation: unknown): LooseLine[] {
  if (Array.isArray(explanation)) return explanation as LooseLine[];
  if (explanation && typeof explanation === "object" && "clusters" in explanation) {
    const clusters = (explanation as { clusters: unknown }).clusters;
    return Array.isArray(clusters) ? (clusters as LooseLine[]) : [];
  }
  return [];
}

/** `createPlacement` refused with NO_CAPACITY: the message and, per cluster, why it could not take the request. */
export function NoCapacityExplanation({ error }: { error: GraphqlError }) {
  const lines = linesOf((error.extensions as { explanation?: unknown } | undefined)?.explanation);
  return (
    <div className="notice notice-warning" role="alert">
      <p className="notice-title">No capacity: {error.message}</p>
      {lines.length > 0 ? (
        <ul aria-label="Why no cluster could take it">
          {lines.slice(0, 50).map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the hub's order, never reordered here
            <li key={index}>
              <strong>{line.clusterName ?? line.clusterId ?? "cluster"}</strong>:{" "}
              {line.filtered
                ? `${line.filtered.filter}: ${line.filtered.reason}`
                : "not enough room after scoring"}
            </li>
          ))}
        </ul>
      ) : (
        <p>See the preview for each cluster's reason.</p>
      )}
    </div>
  );
}
