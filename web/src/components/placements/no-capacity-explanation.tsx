import type { GraphqlError } from "../../lib/graphql.js";

/** One line of `extensions.explanation.clusters`: the cluster's name, and its filter and reason or its total. */
interface CompactLine {
  cluster: string;
  filter?: string;
  reason?: string;
  total?: number;
}

/** The explanation lines of a NO_CAPACITY error (at most 50; the stored decision keeps every cluster). */
function linesOf(explanation: unknown): CompactLine[] {
  if (explanation && typeof explanation === "object" && "clusters" in explanation) {
    const clusters = (explanation as { clusters: unknown }).clusters;
    return Array.isArray(clusters) ? (clusters as CompactLine[]) : [];
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
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the hub's order, never reordered here
            <li key={index}>
              <strong>{line.cluster}</strong>:{" "}
              {line.filter
                ? `${line.filter}: ${line.reason}`
                : `scored ${line.total?.toFixed(1)}, not enough room`}
            </li>
          ))}
        </ul>
      ) : (
        <p>See the preview for each cluster's reason.</p>
      )}
    </div>
  );
}
