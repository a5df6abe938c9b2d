import { useState } from "react";
import { ErrorList } from "../components/error-list.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useMutation } from "../lib/use-mutation.js";
import { useViewer } from "../lib/viewer.js";

const ACCEPT = `mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { membership { id role cooperative { slug name } } }
}`;

interface AcceptData {
  acceptInvitation: { membership: { role: string; cooperative: { slug: string; name: string } } } | null;
}

/** `/invitations/:secret`: the link an admin sent. Sign in if needed, then accept with one click. */
export function InvitationPage({ secret }: { secret: string }) {
  usePageTitle("Invitation");
  const { person, loading, reload } = useViewer();
  const accept = useMutation<AcceptData>(ACCEPT);
  const [joined, setJoined] = useState<{ slug: string; name: string } | null>(null);

  const acceptNow = async () => {
    const response = await accept.run({ input: { secret } });
    const cooperative = response.data?.acceptInvitation?.membership.cooperative;
    if (cooperative) {
      setJoined(cooperative);
      reload();
    }
  };

  return (
    <section className="page narrow">
      <h1>You are invited</h1>
      <p className="lead">An admin of a cooperative in the alliance invited you to join it on the hub.</p>
      {loading && !person ? <p className="muted">Loading…</p> : null}
      {!loading && !person ? (
        <SignInPrompt action="accept the invitation with the email address it was sent to" />
      ) : null}
      {person && !joined ? (
        <div className="panel">
          <p>
            Signed in as <strong>{person.name}</strong> ({person.email ?? `@${person.handle}`}). The
            invitation must be for this email address.
          </p>
          <ErrorList errors={accept.errors} title="The invitation could not be accepted" />
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={accept.pending}
              onClick={acceptNow}
            >
              {accept.pending ? "Accepting…" : "Accept invitation"}
            </button>
          </p>
        </div>
      ) : null}
      {joined ? (
        <div className="notice notice-success" role="status">
          <p>
            Welcome to {joined.name}. <Link to={`/cooperatives/${joined.slug}`}>Go to its page</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
