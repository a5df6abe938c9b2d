import type { Decision } from "./placement-types.js";

/** A decision without its explanation, as the history lists it. */
export type DecisionSummary = Omit<Decision, "clusters" | "filterCounts" | "fairShare">;

const time = (value: string) => new Date(value).toLocaleString();

/** Every stored decision of a placement, newest first: initial, queue and failover. */
export function DecisionHistory({ decisions }: { decisions: DecisionSummary[] }) {
  if (decisions.length === 0) return <p className="muted">No decision stored yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Decision history</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Trigger</th>
            <th scope="col">Outcome</th>
            <th scope="col">Replicas placeable</th>
            <th scope="col">Clusters (filtered)</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision) => (
            <tr key={decision.id}>
              <th scope="row">{time(decision.decidedAt)}</th>
              <td>{decision.trigger}</td>
              <td>{decision.outcome}</td>
              <td>
                {decision.placeableReplicas} of {decision.requestedReplicas}
              </td>
              <td>
                {decision.clusterCount} ({decision.filteredCount})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
