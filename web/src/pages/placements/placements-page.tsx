import { useState } from "react";
import { CursorPagination } from "../../components/cursor-pagination.js";
import { ErrorList } from "../../components/error-list.js";
import {
  conditionOf,
  type PlacementWork,
  placementStatus,
} from "../../components/placements/placement-types.js";
import { SignInPrompt } from "../../components/sign-in-prompt.js";
import { Link } from "../../lib/link.js";
import { usePageTitle } from "../../lib/page-title.js";
import { useQuery } from "../../lib/use-query.js";
import { useViewer } from "../../lib/viewer.js";

const PLACEMENTS_QUERY = `query Placements($after: String) {
  placements(first: 50, after: $after) {
    edges { node {
      id name status createdAt queuePosition
      cooperative { id name viewerMembership { role } }
      resources { replicas }
      work { id replicas cluster { id name } providerCooperative { id name } conditions { type status } }
    } }
    pageInfo { hasNextPage endCursor }
  }
  viewer { memberships(first: 50) { edges { node { role cooperative { id } } } } }
}`;

type ListedWork = Pick<PlacementWork, "id" | "replicas" | "cluster" | "conditions"> & {
  providerCooperative: { id: string; name: string };
};

interface ListedPlacement {
  id: string;
  name: string;
  status: string;
  createdAt: string;
  queuePosition: number | null;
  cooperative: { id: string; name: string; viewerMembership: { role: string } | null };
  resources: { replicas: number };
  work: ListedWork[];
}

interface PlacementsData {
  placements: {
    edges: Array<{ node: ListedPlacement }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  viewer: { memberships: { edges: Array<{ node: { role: string; cooperative: { id: string } } }> } } | null;
}

function WorkSummary({ work }: { work: ListedWork[] }) {
  if (work.length === 0) return <span className="muted">nowhere yet</span>;
  return (
    <>
      {work.map((item, index) => {
        const available = conditionOf(item, "Available")?.status;
        return (
          <span key={item.id}>
            {index > 0 ? ", " : ""}
            <Link to={`/clusters/${item.cluster.id}`}>{item.cluster.name}</Link> (
            {item.providerCooperative.name}, {item.replicas}×{" "}
            {available === "True" ? "available" : available ? `available ${available}` : "pending"})
          </span>
        );
      })}
    </>
  );
}

function PlacementTable({ caption, placements }: { caption: string; placements: ListedPlacement[] }) {
  if (placements.length === 0) return <p className="empty">None.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Cooperative</th>
            <th scope="col">Status</th>
            <th scope="col">Replicas</th>
            <th scope="col">Where</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {placements.map((placement) => {
            const status = placementStatus(placement.status);
            return (
              <tr key={placement.id}>
                <th scope="row">
                  <Link to={`/placements/${placement.id}`}>{placement.name}</Link>
                </th>
                <td>{placement.cooperative.name}</td>
                <td>
                  <span className={`badge ${status.tone}`}>{status.label}</span>
                  {placement.queuePosition ? ` #${placement.queuePosition}` : ""}
                </td>
                <td>{placement.resources.replicas}</td>
                <td>
                  <WorkSummary work={placement.work} />
                </td>
                <td>{new Date(placement.createdAt).toLocaleString()}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `/placements`: the viewer's cooperatives' own placements, and the placements other cooperatives run on their
 * clusters.
 */
export function PlacementsPage() {
  usePageTitle("Placements");
  const { person, loading: viewerLoading } = useViewer();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, errors, loading } = useQuery<PlacementsData>(PLACEMENTS_QUERY, {
    after: cursors.at(-1) ?? null,
  });
  if (!person && !viewerLoading)
    return (
      <section className="page narrow">
        <h1>Placements</h1>
        <SignInPrompt action="see your cooperatives' placements" />
      </section>
    );
  const memberships = data?.viewer?.memberships.edges.map((edge) => edge.node) ?? [];
  const mine = new Set(memberships.map((membership) => membership.cooperative.id));
  const placements = data?.placements.edges.map((edge) => edge.node) ?? [];
  const own = placements.filter((placement) => mine.has(placement.cooperative.id));
  const rest = placements.filter((placement) => !mine.has(placement.cooperative.id));
  const hosted = rest.filter((placement) =>
    placement.work.some((work) => mine.has(work.providerCooperative.id)),
  );
  // Stewards see every placement; those neither ours nor on our clusters get their own list.
  const others = rest.filter((placement) => !hosted.includes(placement));
  const isAdmin = memberships.some((membership) => membership.role === "ADMIN");
  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Placements</h1>
          <p className="lead">Workloads running on capacity the cooperatives of the alliance share.</p>
        </div>
        {isAdmin ? (
          <Link to="/placements/new" className="button button-primary">
            New placement
          </Link>
        ) : null}
      </div>
      <ErrorList errors={errors} />
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {data ? (
        <>
          <h2>Our placements</h2>
          <PlacementTable caption="Our placements" placements={own} />
          <h2>Running on our clusters</h2>
          <PlacementTable caption="Placements of other cooperatives on our clusters" placements={hosted} />
          {others.length > 0 ? (
            <>
              <h2>Other placements</h2>
              <PlacementTable caption="Other placements in the alliance" placements={others} />
            </>
          ) : null}
          <CursorPagination cursors={cursors} onChange={setCursors} pageInfo={data.placements.pageInfo} />
        </>
      ) : null}
    </div>
  );
}
