import { ClusterAcceptanceBadge, ClusterAvailabilityBadge } from "../components/cluster-badges.js";
import { ClusterCapacityBars } from "../components/cluster-capacity-bars.js";
import { ClusterJoinForm } from "../components/cluster-join-form.js";
import { CLUSTER_SUMMARY_FIELDS, type ClusterSummary, labelValue } from "../components/cluster-types.js";
import { ErrorList } from "../components/error-list.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { countryName } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { navigate, queryParameter } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const CLUSTERS_QUERY = `query Clusters($filter: MemberClusterFilter) {
  memberClusters(first: 100, filter: $filter) { totalCount edges { node { ${CLUSTER_SUMMARY_FIELDS} } } }
  viewer { memberships(first: 50) { edges { node { role cooperative { id name } } } } }
}`;

interface ClustersData {
  memberClusters: { totalCount: number; edges: Array<{ node: ClusterSummary }> };
  viewer: {
    memberships: { edges: Array<{ node: { role: string; cooperative: { id: string; name: string } } }> };
  } | null;
}

const AVAILABILITY_FILTERS = [
  ["", "Any status"],
  ["TRUE", "Available"],
  ["UNKNOWN", "Unknown"],
  ["FALSE", "Not available"],
] as const;

/** Pod shapes offered by the "fits a pod of" filter: `cpu/memory` in Kubernetes quantities. */
const FIT_FILTERS = [
  ["", "Any free room"],
  ["1/2Gi", "1 CPU, 2 GiB"],
  ["2/8Gi", "2 CPU, 8 GiB"],
  ["4/16Gi", "4 CPU, 16 GiB"],
  ["8/32Gi", "8 CPU, 32 GiB"],
] as const;

function clustersUrl(availability: string, fits: string): string {
  const query = new URLSearchParams();
  if (availability) query.set("availability", availability);
  if (fits) query.set("fits", fits);
  const text = query.toString();
  return text ? `/clusters?${text}` : "/clusters";
}

function ClusterRow({ cluster }: { cluster: ClusterSummary }) {
  const country = labelValue(cluster, "country");
  return (
    <article className="card" aria-labelledby={`cluster-${cluster.id}`}>
      <h2 id={`cluster-${cluster.id}`} className="card-title">
        <Link to={`/clusters/${cluster.id}`}>{cluster.name}</Link>
      </h2>
      <p className="muted">
        {cluster.cooperative.name}
        {country ? ` · ${countryName(country)}` : ""}
        {cluster.capacity
          ? ` · ${cluster.capacity.nodes.ready} of ${cluster.capacity.nodes.total} nodes ready`
          : ""}
      </p>
      <p>
        <ClusterAvailabilityBadge availability={cluster.availability} />{" "}
        <ClusterAcceptanceBadge acceptance={cluster.acceptance} />
        {cluster.taints.map((taint) => (
          <span key={taint.key} className="badge badge-neutral">
            {taint.key.replace("alliance.coop/", "")}
          </span>
        ))}
      </p>
      {cluster.capacity ? (
        <ClusterCapacityBars resources={cluster.capacity.resources} only={["cpu", "memory"]} />
      ) : (
        <p className="muted">No status report yet.</p>
      )}
    </article>
  );
}

/** `/clusters`: the member clusters the viewer may see, with their health and capacity, and the join flow. */
export function ClustersPage({ location }: { location: string }) {
  usePageTitle("Clusters");
  const { person, loading: viewerLoading } = useViewer();
  const availability = queryParameter(location, "availability");
  const fits = queryParameter(location, "fits");
  const [cpu, memory] = fits.split("/");
  const filter = {
    ...(availability ? { availability } : {}),
    ...(cpu && memory ? { fits: { cpu, memory } } : {}),
  };
  const { data, errors, loading } = useQuery<ClustersData>(CLUSTERS_QUERY, { filter });
  if (!person && !viewerLoading)
    return (
      <section className="page narrow">
        <h1>Clusters</h1>
        <SignInPrompt action="see the member clusters" />
      </section>
    );
  const clusters = data?.memberClusters.edges.map((edge) => edge.node) ?? [];
  const adminOf = (data?.viewer?.memberships.edges ?? [])
    .filter((edge) => edge.node.role === "ADMIN")
    .map((edge) => edge.node.cooperative);
  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Clusters</h1>
          <p className="lead">
            Member clusters of the alliance: their health, capacity and place in the federation.
          </p>
        </div>
      </div>
      <label className="inline-filter">
        Status{" "}
        <select value={availability} onChange={(event) => navigate(clustersUrl(event.target.value, fits))}>
          {AVAILABILITY_FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>{" "}
      <label className="inline-filter">
        Fits a pod of{" "}
        <select value={fits} onChange={(event) => navigate(clustersUrl(availability, event.target.value))}>
          {FIT_FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ErrorList errors={errors} />
      {loading && !data ? <p className="muted">Loading…</p> : null}
      <p className="result-count" aria-live="polite">
        {data ? `${data.memberClusters.totalCount} clusters` : ""}
      </p>
      {data && clusters.length === 0 ? <p className="empty">No cluster matches.</p> : null}
      <div className="card-grid">
        {clusters.map((cluster) => (
          <ClusterRow key={cluster.id} cluster={cluster} />
        ))}
      </div>
      {adminOf.length > 0 ? <ClusterJoinForm cooperatives={adminOf} /> : null}
    </div>
  );
}
