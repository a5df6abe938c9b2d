import { useState } from "react";
import { AddMemberForm } from "../components/add-member-form.js";
import { CooperativeProfile } from "../components/cooperative-profile.js";
import { EditCooperativeForm } from "../components/edit-cooperative-form.js";
import { ErrorList } from "../components/error-list.js";
import { InviteMemberForm } from "../components/invite-member-form.js";
import { LeaveCooperative } from "../components/leave-cooperative.js";
import { MembersSection } from "../components/members-section.js";
import { OpenInvitations } from "../components/open-invitations.js";
import { COOPERATIVE_QUERY, type CooperativeDetails } from "../lib/cooperative-types.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

/** One cooperative: profile, members, and the admin and member actions the viewer may take. */
export function CooperativePage({ slug }: { slug: string }) {
  const { data, errors, loading, reload } = useQuery<{ cooperative: CooperativeDetails | null }>(
    COOPERATIVE_QUERY,
    { slug },
  );
  const viewer = useViewer();
  const [editing, setEditing] = useState(false);
  const cooperative = data?.cooperative ?? null;
  usePageTitle(cooperative?.name ?? "Cooperative");

  if (loading && !data) return <p className="muted">Loading…</p>;
  if (!cooperative) {
    return (
      <section className="page narrow">
        <h1>Cooperative not found</h1>
        <ErrorList errors={errors} />
        <p>
          No cooperative “{slug}” is visible to you. Applications are visible only to their founders and
          stewards.
        </p>
        <p>
          <Link to="/cooperatives">Back to the directory</Link>
        </p>
      </section>
    );
  }

  const isAdmin = cooperative.viewerMembership?.role === "ADMIN";
  const members = cooperative.members?.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/cooperatives">Cooperatives</Link> / {cooperative.name}
      </p>
      <ErrorList errors={errors} />
      <CooperativeProfile cooperative={cooperative} />
      {cooperative.viewerMembership || viewer.isSteward ? (
        <p>
          <Link to={`/cooperatives/${cooperative.slug}/ledger`}>Ledger: capacity given and used</Link>
        </p>
      ) : null}
      {isAdmin ? (
        <section className="panel" aria-labelledby="admin-heading">
          <div className="panel-heading">
            <h2 id="admin-heading">Administration</h2>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-expanded={editing}
              onClick={() => setEditing(!editing)}
            >
              {editing ? "Close editor" : "Edit profile"}
            </button>
          </div>
          {editing ? (
            <EditCooperativeForm
              cooperative={cooperative}
              onSaved={() => {
                setEditing(false);
                reload();
              }}
            />
          ) : null}
          <div className="two-columns">
            <InviteMemberForm cooperativeId={cooperative.id} onInvited={reload} />
            <AddMemberForm cooperativeId={cooperative.id} onAdded={reload} />
          </div>
          <OpenInvitations invitations={cooperative.invitations ?? []} onChanged={reload} />
        </section>
      ) : null}
      {cooperative.members ? (
        <MembersSection
          members={members}
          totalCount={cooperative.members.totalCount}
          manage={isAdmin}
          viewerId={viewer.person?.id}
          onChanged={reload}
        />
      ) : null}
      {cooperative.viewerMembership ? (
        <LeaveCooperative cooperativeId={cooperative.id} name={cooperative.name} onLeft={reload} />
      ) : null}
    </div>
  );
}
