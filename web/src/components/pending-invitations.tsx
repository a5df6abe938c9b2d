import { formatDate, roleLabel } from "../lib/format.js";

/** An invitation addressed to the viewer's email. */
export interface PendingInvitation {
  id: string;
  role: string;
  expiresAt: string;
  cooperative: { name: string; slug: string };
  invitedBy: { name: string } | null;
}

/**
 * Invitations waiting for the viewer. `acceptInvitation` takes the invitation's secret, which only the link the
 * admin sent holds, so accepting happens from that link (`/invitations/:secret`), not here.
 */
export function PendingInvitations({ invitations }: { invitations: readonly PendingInvitation[] }) {
  if (invitations.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <p className="muted">To accept, open the invitation link the cooperative's admin sent you.</p>
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
          </li>
        ))}
      </ul>
    </section>
  );
}
