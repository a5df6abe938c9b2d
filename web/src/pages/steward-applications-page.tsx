import { type Application, ApplicationCard } from "../components/application-card.js";
import { ErrorList } from "../components/error-list.js";
import { StewardOnly } from "../components/steward-only.js";
import { StewardTabs } from "../components/steward-tabs.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";

const APPLICATIONS_QUERY = `query Applications {
  cooperatives(first: 50, filter: { status: PENDING }) {
    totalCount
    edges { node { id slug name country website description tier createdAt foundedBy { name handle } } }
  }
}`;

interface ApplicationsData {
  cooperatives: { totalCount: number; edges: Array<{ node: Application }> } | null;
}

function ApplicationQueue() {
  const { data, errors, loading, reload } = useQuery<ApplicationsData>(APPLICATIONS_QUERY);
  const applications = data?.cooperatives?.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page">
      <h1>Applications</h1>
      <StewardTabs />
      <p className="lead">
        Cooperatives waiting to join the alliance. Every decision is recorded in the audit log.
      </p>
      <ErrorList errors={errors} />
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {!loading && data && applications.length === 0 ? (
        <p className="empty">No application is waiting. Well done.</p>
      ) : null}
      <div className="stack">
        {applications.map((application) => (
          <ApplicationCard key={application.id} application={application} onDecided={reload} />
        ))}
      </div>
    </div>
  );
}

/** `/stewards/applications`: the stewards' queue of pending cooperative applications. */
export function StewardApplicationsPage() {
  usePageTitle("Applications");
  return (
    <StewardOnly title="Applications">
      <ApplicationQueue />
    </StewardOnly>
  );
}
