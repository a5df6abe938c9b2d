import { ErrorList } from "../components/error-list.js";
import { HubAreas } from "../components/hub-areas.js";
import { MembershipList, type MembershipSummary } from "../components/membership-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { signInHref, useViewer } from "../lib/viewer.js";

const HOME_QUERY = `query Home {
  viewer {
    memberships(first: 50) { edges { node { id role cooperative { id slug name status tier country } } } }
    pendingInvitations { id }
  }
}`;

interface HomeData {
  viewer: {
    memberships: { edges: Array<{ node: MembershipSummary }> };
    pendingInvitations: Array<{ id: string }>;
  } | null;
}

/** The viewer's cooperatives, or what to do next when they have none. */
function YourCooperatives() {
  const { data, errors, loading } = useQuery<HomeData>(HOME_QUERY);
  const memberships = data?.viewer?.memberships.edges.map((edge) => edge.node) ?? [];
  const invitations = data?.viewer?.pendingInvitations.length ?? 0;
  return (
    <section className="panel" aria-labelledby="your-cooperatives">
      <h2 id="your-cooperatives">Your cooperatives</h2>
      <ErrorList errors={errors} />
      {invitations > 0 ? (
        <p className="notice notice-info">
          You have {invitations === 1 ? "an open invitation" : `${invitations} open invitations`}.{" "}
          <Link to="/profile">Review on your profile</Link>
        </p>
      ) : null}
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {!loading && memberships.length === 0 && errors.length === 0 ? (
        <p>You are not in a cooperative yet. Ask an admin of yours for an invitation, or found one.</p>
      ) : null}
      <MembershipList memberships={memberships} />
      <p className="actions">
        <Link to="/cooperatives/new" className="button button-secondary">
          Found a cooperative
        </Link>
      </p>
    </section>
  );
}

/** The front page: what the hub is, then the viewer's cooperatives or a call to sign in. */
export function HomePage() {
  usePageTitle("");
  const { person, loading } = useViewer();
  return (
    <div className="page">
      <section className="hero">
        <p className="eyebrow">The Cooperative Cloud alliance</p>
        <h1>{person ? `Welcome back, ${person.name}` : "Cooperatives running Kubernetes together"}</h1>
        <p className="lead">
          Alliance Hub is where member cooperatives share what it takes to run their own clusters: versioned
          manuals for the common stack, reviewed blueprints, a forum, and a federation of member clusters that
          carry each other's workloads.
        </p>
        <p className="actions">
          <Link to="/cooperatives" className="button button-primary">
            Browse the cooperatives
          </Link>
          {!person && !loading ? (
            <a href={signInHref("/")} className="button button-secondary">
              Sign in
            </a>
          ) : null}
        </p>
      </section>
      {person ? <YourCooperatives /> : null}
      <HubAreas />
      {person || loading ? null : (
        <section className="panel" aria-labelledby="join-heading">
          <h2 id="join-heading">Part of a cooperative?</h2>
          <p>
            Sign in with your cooperative's identity to see your memberships, accept invitations and manage
            your members. Newcomers can apply to found a cooperative; a steward of the alliance reviews each
            application.
          </p>
        </section>
      )}
    </div>
  );
}
