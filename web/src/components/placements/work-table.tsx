import { Link } from "../../lib/link.js";
import { conditionOf, formatAmounts, type PlacementWork } from "./placement-types.js";

const time = (value: string | null) => (value ? new Date(value).toLocaleString() : "—");

/** A condition's status as text: True, False, Unknown, or "not reported". */
function ConditionCell({ work, type }: { work: PlacementWork; type: string }) {
  const condition = conditionOf(work, type);
  if (!condition) return <td className="muted">not reported</td>;
  const tone =
    (type === "Degraded") === (condition.status === "True")
      ? condition.status === "Unknown"
        ? "badge-warning"
        : "badge-danger"
      : "badge-success";
  return (
    <td title={condition.message}>
      <span className={`badge ${tone}`}>
        {type} {condition.status}
      </span>{" "}
      <span className="muted">{condition.reason}</span>
    </td>
  );
}

/** What the agent must do with the work, and why when it is removing it. */
function desiredText(work: PlacementWork): string {
  if (work.releasedAt) return `Removed ${time(work.releasedAt)}`;
  if (work.desiredState === "ABSENT")
    return `Removing (${(work.removalReason ?? "removed").toLowerCase().replace("_", " ")})`;
  return work.observedGeneration === work.generation ? "Present" : "Present, waiting for the agent";
}

/** The placement's work per cluster: replicas, reservation, conditions, objects and desired state. */
export function WorkTable({ work }: { work: PlacementWork[] }) {
  if (work.length === 0) return <p className="muted">No work on any cluster.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Work per cluster</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col">Replicas</th>
            <th scope="col">Reservation</th>
            <th scope="col">Applied</th>
            <th scope="col">Available</th>
            <th scope="col">Degraded</th>
            <th scope="col">Objects</th>
            <th scope="col">Desired state</th>
          </tr>
        </thead>
        <tbody>
          {work.map((item) => (
            <tr key={item.id} aria-label={`Work on ${item.cluster.name}`}>
              <th scope="row">
                <Link to={`/clusters/${item.cluster.id}`}>{item.cluster.name}</Link>
                <br />
                <span className="muted">{item.providerCooperative.name}</span>
              </th>
              <td>{item.replicas}</td>
              <td>{formatAmounts(item.reservation)}</td>
              <ConditionCell work={item} type="Applied" />
              <ConditionCell work={item} type="Available" />
              <ConditionCell work={item} type="Degraded" />
              <td>
                {item.objects.length === 0 ? (
                  <span className="muted">none reported</span>
                ) : (
                  <ul className="placement-objects">
                    {item.objects.map((object) => (
                      <li key={`${object.apiVersion}/${object.kind}/${object.name}`} title={object.message}>
                        {object.kind}/{object.name}: {object.status}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {desiredText(item)}
                <br />
                <span className="muted">
                  namespace <code>{item.namespace}</code>; reported {time(item.reportedAt)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Work the agents still have to bring to its desired state: the page polls while any exists. */
export function workUnsettled(work: PlacementWork[]): boolean {
  return work.some((item) => {
    if (item.releasedAt) return false;
    if (item.desiredState === "ABSENT") return true;
    return item.observedGeneration !== item.generation || conditionOf(item, "Available")?.status !== "True";
  });
}
