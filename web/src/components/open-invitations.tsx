import type { InvitationEntry } from "../lib/cooperative-types.js";
import { formatDate, roleLabel } from "../lib/format.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

const REVOKE_INVITATION = `mutation RevokeInvitation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitationId } }`;

/** The cooperative's open invitations, for its admins, each with a revoke button. */
export function OpenInvitations({
  invitations,
  onChanged,
}: {
  invitations: readonly InvitationEntry[];
  onChanged: () => void;
}) {
  const revoke = useMutation(REVOKE_INVITATION);
  if (invitations.length === 0) return null;
  const revokeOne = async (id: string) => {
    const response = await revoke.run({ input: { id } });
    if (response.errors.length === 0) onChanged();
  };
  return (
    <div className="stack">
      <h3>Open invitations</h3>
      <ErrorList errors={revoke.errors} />
      <ul className="member-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="member-row">
            <div className="member-who">
              <span className="member-name">{invitation.email}</span>
              <span className="muted">
                {roleLabel(invitation.role)} · expires {formatDate(invitation.expiresAt)}
              </span>
            </div>
            <button
              type="button"
              className="button button-danger-ghost button-small"
              disabled={revoke.pending}
              onClick={() => revokeOne(invitation.id)}
              aria-label={`Revoke the invitation for ${invitation.email}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
