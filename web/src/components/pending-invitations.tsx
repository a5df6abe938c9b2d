import { formatDate, roleLabel } from "../lib/format.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

/** An invitation addressed to the viewer's email. */
export interface PendingInvitation {
  id: string;
  role: string;
  expiresAt: string;
  cooperative: { name: string; slug: string };
  invitedBy: { name: string } | null;
}

const ACCEPT_INVITATION = `mutation AcceptPendingInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { membership { id } } }`;

/**
 * Invitations sent to the viewer's own email address. The hub accepts them by ID for the addressee only, so
 * they can be accepted here as well as from the link the admin sent.
 */
export function PendingInvitations({
  invitations,
  onAccepted,
}: {
  invitations: readonly PendingInvitation[];
  onAccepted: () => void;
}) {
  const accept = useMutation(ACCEPT_INVITATION);
  if (invitations.length === 0) return null;
  const acceptInvitation = async (invitationId: string) => {
    const response = await accept.run({ input: { invitationId } });
    if (response.errors.length === 0) onAccepted();
  };
  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <ErrorList errors={accept.errors} title="The invitation could not be accepted" />
      <ul className="member-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="member-row">
            <div className="member-who">
              <span className="member-name">{invitation.cooperative.name}</span>
              <span className="muted">
                as {roleLabel(invitation.role).toLowerCase()}
                {invitation.invitedBy ? `, from ${invitation.invitedBy.name}` : ""} · until{" "}
                {formatDate(invitation.expiresAt)}
              </span>
            </div>
            <button
              type="button"
              className="button"
              disabled={accept.pending}
              onClick={() => acceptInvitation(invitation.id)}
            >
              Accept
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
