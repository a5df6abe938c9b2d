import { ClusterAcceptanceBadge, ClusterAvailabilityBadge } from "../components/cluster-badges.js";
import { ClusterCapacityBars } from "../components/cluster-capacity-bars.js";
import { ClusterHistoryChart } from "../components/cluster-history-chart.js";
import { ClusterActions } from "../components/cluster-actions.js";
import type { ClusterResource } from "../components/cluster-types.js";
import { ErrorList } from "../components/error-list.js";
import { ClusterOfferSection } from "../components/offers/cluster-offer-section.js";
import { NotFoundPage } from "./not-found-page.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useClusterStatusPoll } from "../lib/use-cluster-status-poll.js";
import { useQuery } from "../lib/use-query.js";

const CLUSTER_QUERY = `query Cluster($id: ID!) {
  memberCluster(id: $id) {
    id name clusterUid kubernetesVersion agentVersion acceptance acceptanceNote availability registeredAt revokedAt updatedAt
    cooperative { slug name viewerMembership { role } }
    conditions { type status reason message lastTransitionTime }
    taints { key value effect timeAdded }
    labels { key value }
    lease { renewedAt lostAt leaseSeconds graceSeconds }
    capacity { observedAt nodes { total ready schedulable memoryPressure diskPressure pidPressure }
      resources { resource capacity allocatable allocated pending }
      gpus { resource capacity allocatable allocated pending } }
    events(first: 30) { edges { node { id occurredAt type source message } } }
  }
}`;

interface ClusterDetail {
  id: string;
  name: string;
  clusterUid: string;
  kubernetesVersion: string;
  agentVersion: string;
  acceptance: string;
  acceptanceNote: string | null;
  availability: string;
  registeredAt: string;
  revokedAt: string | null;
  updatedAt: string;
  cooperative: { slug: string; name: string; viewerMembership: { role: string } | null };
  conditions: Array<{
    type: string;
    status: string;
    reason: string;
    message: string;
    lastTransitionTime: string;
  }>;
  taints: Array<{ key: string; value: string; effect: string; timeAdded: string }>;
  labels: Array<{ key: string; value: string }>;
  lease: { renewedAt: string | null; lostAt: string | null; leaseSeconds: number; graceSeconds: number };
  capacity: {
    observedAt: string;
    nodes: Record<string, number>;
    resources: ClusterResource[];
    gpus: ClusterResource[];
  } | null;
  events: {
    edges: Array<{ node: { id: string; occurredAt: string; type: string; source: string; message: string } }>;
  };
}

const time = (value: string | null) => (value ? new Date(value).toLocaleString() : "—");

/** `/clusters/:id`: one cluster's conditions, taints, labels, capacity and event log. */
export function ClusterPage({ id }: { id: string }) {
  const { data, errors, loading, reload } = useQuery<{ memberCluster: ClusterDetail | null }>(CLUSTER_QUERY, {
    id,
  });
  const cluster = data?.memberCluster;
  usePageTitle(cluster?.name ?? "Cluster");
  // Live: reload as soon as the hub reports a change (a lease lost, a new report, a steward's decision).
  useClusterStatusPoll(id, cluster?.updatedAt, reload);
  if (loading && !data) return <p className="muted">Loading…</p>;
  if (!cluster) return errors.length > 0 ? <ErrorList errors={errors} /> : <NotFoundPage />;
  return (
    <div className="page">
      <p>
        <Link to="/clusters">← Clusters</Link>
      </p>
      <h1>{cluster.name}</h1>
      <p className="lead">
        <Link to={`/cooperatives/${cluster.cooperative.slug}`}>{cluster.cooperative.name}</Link> · Kubernetes{" "}
        {cluster.kubernetesVersion} · agent {cluster.agentVersion}
      </p>
      <p>
        <ClusterAvailabilityBadge availability={cluster.availability} />{" "}
        <ClusterAcceptanceBadge acceptance={cluster.acceptance} />
        {cluster.revokedAt ? <span className="badge badge-danger">Revoked</span> : null}
      </p>
      <ErrorList errors={errors} />
      <ClusterActions cluster={cluster} onChanged={reload} />

      <h2>Conditions</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {cluster.conditions.map((condition) => (
            <tr key={condition.type}>
              <th scope="row">{condition.type}</th>
              <td>{condition.status}</td>
              <td title={condition.message}>
                {condition.reason}: {condition.message}
              </td>
              <td>{time(condition.lastTransitionTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Lease renewed {time(cluster.lease.renewedAt)} (every {cluster.lease.leaseSeconds} s, grace{" "}
        {cluster.lease.graceSeconds} s)
        {cluster.lease.lostAt ? `; lost since ${time(cluster.lease.lostAt)}` : ""}.
      </p>

      <h2>Capacity</h2>
      {cluster.capacity ? (
        <>
          <p className="muted">
            {cluster.capacity.nodes.ready} of {cluster.capacity.nodes.total} nodes ready,{" "}
            {cluster.capacity.nodes.schedulable} schedulable; reported {time(cluster.capacity.observedAt)}.
          </p>
          <ClusterCapacityBars resources={[...cluster.capacity.resources, ...cluster.capacity.gpus]} />
          <ClusterHistoryChart id={cluster.id} />
        </>
      ) : (
        <p className="muted">No status report yet.</p>
      )}

      <ClusterOfferSection
        clusterId={cluster.id}
        canEdit={
          cluster.cooperative.viewerMembership?.role === "ADMIN" &&
          cluster.acceptance === "ACCEPTED" &&
          !cluster.revokedAt
        }
      />

      <h2>Taints and labels</h2>
      <ul>
        {cluster.taints.map((taint) => (
          <li key={taint.key}>
            <code>
              {taint.key}
              {taint.value ? `=${taint.value}` : ""}:{taint.effect}
            </code>{" "}
            since {time(taint.timeAdded)}
          </li>
        ))}
        {cluster.labels.map((label) => (
          <li key={label.key}>
            <code>
              {label.key}={label.value}
            </code>
          </li>
        ))}
        {cluster.taints.length + cluster.labels.length === 0 ? <li className="muted">None.</li> : null}
      </ul>

      <h2>Events</h2>
      <ol className="cluster-events">
        {cluster.events.edges.map(({ node }) => (
          <li key={node.id}>
            <time dateTime={node.occurredAt}>{time(node.occurredAt)}</time> <strong>{node.type}</strong>{" "}
            <span className="muted">({node.source.toLowerCase()})</span> {node.message}
          </li>
        ))}
      </ol>
      <p className="muted">
        Cluster UID {cluster.clusterUid}, registered {time(cluster.registeredAt)}.
      </p>
    </div>
  );
}
