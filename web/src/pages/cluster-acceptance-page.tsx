import { ClusterAvailabilityBadge } from "../components/cluster-badges.js";
import { CLUSTER_SUMMARY_FIELDS, type ClusterSummary, labelValue } from "../components/cluster-types.js";
import { ErrorList } from "../components/error-list.js";
import { StewardOnly } from "../components/steward-only.js";
import { StewardTabs } from "../components/steward-tabs.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";

const QUEUE = `query ClusterQueue {
  memberClusters(first: 100, filter: { acceptance: PENDING }) { totalCount edges { node { ${CLUSTER_SUMMARY_FIELDS} } } }
}`;
const ACCEPT = `mutation($input: DecideMemberClusterInput!) { acceptMemberCluster(input: $input) { memberCluster { id } } }`;
const DENY = `mutation($input: DecideMemberClusterInput!) { denyMemberCluster(input: $input) { memberCluster { id } } }`;

function Queue() {
  const { data, errors, loading, reload } = useQuery<{
    memberClusters: { edges: Array<{ node: ClusterSummary }> };
  }>(QUEUE);
  const accept = useMutation(ACCEPT);
  const deny = useMutation(DENY);
  const clusters = data?.memberClusters.edges.map((edge) => edge.node) ?? [];
  const decide = async (mutation: typeof accept, id: string) => {
    const response = await mutation.run({ input: { id } });
    if (response.errors.length === 0) reload();
  };
  return (
    <div className="page">
      <h1>Cluster acceptance</h1>
      <StewardTabs />
      <p className="lead">
        Registered clusters waiting to join the federation. Only accepted clusters receive placements.
      </p>
      <ErrorList errors={[...errors, ...accept.errors, ...deny.errors]} />
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {data && clusters.length === 0 ? <p className="empty">No cluster is waiting.</p> : null}
      <div className="stack">
        {clusters.map((cluster) => (
          <article key={cluster.id} className="card">
            <h2 className="card-title">
              <Link to={`/clusters/${cluster.id}`}>{cluster.name}</Link>
            </h2>
            <p className="muted">
              {cluster.cooperative.name}
              {labelValue(cluster, "country") ? ` · ${labelValue(cluster, "country")}` : ""}
              {cluster.capacity ? ` · ${cluster.capacity.nodes.total} nodes` : " · no status report yet"}
            </p>
            <p>
              <ClusterAvailabilityBadge availability={cluster.availability} />
            </p>
            <p className="button-row">
              <button
                type="button"
                className="button button-primary"
                onClick={() => decide(accept, cluster.id)}
              >
                Accept {cluster.name}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => decide(deny, cluster.id)}
              >
                Deny {cluster.name}
              </button>
            </p>
          </article>
        ))}
      </div>
    </div>
  );
}

/** `/stewards/clusters`: the stewards' acceptance queue (the second half of the double opt-in). */
export function ClusterAcceptancePage() {
  usePageTitle("Cluster acceptance");
  return (
    <StewardOnly title="Cluster acceptance">
      <Queue />
    </StewardOnly>
  );
}
