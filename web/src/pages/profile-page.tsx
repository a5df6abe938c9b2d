import { ApiTokensSection, type ApiTokenEntry } from "../components/api-tokens-section.js";
import { ErrorList } from "../components/error-list.js";
import { MembershipList, type MembershipSummary } from "../components/membership-list.js";
import { type PendingInvitation, PendingInvitations } from "../components/pending-invitations.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const PROFILE_QUERY = `query Profile {
  viewer {
    hasRecentSecondFactor
    person { id name handle email hubRoles }
    memberships(first: 100) { edges { node { id role cooperative { id slug name status tier country } } } }
    pendingInvitations { id role expiresAt cooperative { name slug } invitedBy { name } }
    apiTokens { id name scopes displayPrefix createdAt expiresAt lastUsedAt revokedAt }
  }
}`;

interface ProfileData {
  viewer: {
    hasRecentSecondFactor: boolean;
    person: { id: string; name: string; handle: string; email: string | null; hubRoles: string[] };
    memberships: { edges: Array<{ node: MembershipSummary }> };
    pendingInvitations: PendingInvitation[];
    apiTokens: ApiTokenEntry[];
  } | null;
}

function Profile() {
  const { data, errors, loading, reload } = useQuery<ProfileData>(PROFILE_QUERY);
  const viewer = data?.viewer;
  if (loading && !data) return <p className="muted">Loading…</p>;
  if (!viewer) return <ErrorList errors={errors} />;
  const memberships = viewer.memberships.edges.map((edge) => edge.node);
  return (
    <>
      <ErrorList errors={errors} />
      <section className="panel" aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{viewer.person.name}</dd>
          </div>
          <div>
            <dt>Handle</dt>
            <dd>@{viewer.person.handle}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{viewer.person.email ?? "—"}</dd>
          </div>
          <div>
            <dt>Hub roles</dt>
            <dd>
              {viewer.person.hubRoles.length
                ? viewer.person.hubRoles.map((role) => role.toLowerCase()).join(", ")
                : "—"}
            </dd>
          </div>
        </dl>
        <p className="muted">Your name, handle and email come from your cooperative's identity provider.</p>
      </section>
      <PendingInvitations invitations={viewer.pendingInvitations} onAccepted={reload} />
      <section className="panel" aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">Memberships</h2>
        {memberships.length === 0 ? (
          <p>You are not in a cooperative yet.</p>
        ) : (
          <MembershipList memberships={memberships} />
        )}
      </section>
      <ApiTokensSection tokens={viewer.apiTokens} onChanged={reload} />
    </>
  );
}

/** `/profile`: the viewer's account, memberships, invitations and API tokens. */
export function ProfilePage() {
  usePageTitle("Your profile");
  const { person, loading } = useViewer();
  return (
    <div className="page">
      <h1>Your profile</h1>
      {loading && !person ? (
        <p className="muted">Loading…</p>
      ) : person ? (
        <Profile />
      ) : (
        <SignInPrompt action="see your profile" />
      )}
    </div>
  );
}
