import { Link } from "../../lib/link.js";
import type { Decision } from "./placement-types.js";

/**
 * Why the scheduler decided as it did: one row per cluster, chosen first, then the other scored clusters, then
 * the filtered ones with the filter that dropped them and why.
 */
export function ExplanationTable({
  decision,
  caption,
  compact = false,
}: {
  decision: Decision;
  caption: string;
  /** Narrow (beside the form): the cooperative goes under the cluster's name instead of its own column. */
  compact?: boolean;
}) {
  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Cluster</th>
              {compact ? null : <th scope="col">Cooperative</th>}
              <th scope="col">Outcome</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {decision.clusters.map((line, index) => (
              // Lines have no id of their own; the same cluster appears once per decision.
              // biome-ignore lint/suspicious/noArrayIndexKey: the order is the decision's and never changes
              <tr key={index}>
                <th scope="row">
                  {line.cluster ? (
                    <Link to={`/clusters/${line.cluster.id}`}>{line.clusterName}</Link>
                  ) : (
                    line.clusterName
                  )}
                  {compact ? <span className="muted explanation-scores">{line.cooperativeName}</span> : null}
                </th>
                {compact ? null : <td>{line.cooperativeName}</td>}
                <td>
                  {line.filtered ? (
                    <span className="badge badge-neutral">Filtered</span>
                  ) : line.chosenReplicas > 0 ? (
                    <span className="badge badge-success">
                      Chosen: {line.chosenReplicas} {line.chosenReplicas === 1 ? "replica" : "replicas"}
                    </span>
                  ) : (
                    <span className="badge badge-warning">Scored, not chosen</span>
                  )}
                </td>
                <td>
                  {line.filtered ? (
                    <>
                      <code>{line.filtered.filter}</code>: {line.filtered.reason}
                    </>
                  ) : (
                    <>
                      <strong>total {line.total?.toFixed(1)}</strong>{" "}
                      <span className="muted explanation-scores">
                        {line.scores
                          .filter((score) => score.weight !== 0 && score.score !== 0)
                          .map((score) => `${score.scorer} ${score.score}×${score.weight}`)
                          .join(", ")}
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {decision.clusterCount} clusters considered, {decision.filteredCount} filtered
        {decision.filterCounts.length > 0
          ? ` (${decision.filterCounts.map((count) => `${count.filter}: ${count.clusters}`).join(", ")})`
          : ""}
        ; {decision.placeableReplicas} of {decision.requestedReplicas} replicas placeable; fair share{" "}
        {decision.fairShare.toFixed(2)}.
        {decision.clusters.length < decision.clusterCount
          ? ` Showing the first ${decision.clusters.length}.`
          : ""}
      </p>
    </>
  );
}
