import { roleLabel } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { StatusBadge } from "./status-badge.js";

/** A membership with enough of its cooperative to list it. */
export interface MembershipSummary {
  id: string;
  role: string;
  cooperative: { id: string; slug: string; name: string; status: string; tier: string; country: string };
}

/** The viewer's memberships: cooperative name, their role, and the status while an application is open. */
export function MembershipList({ memberships }: { memberships: readonly MembershipSummary[] }) {
  if (memberships.length === 0) return null;
  return (
    <ul className="membership-list">
      {memberships.map((membership) => (
        <li key={membership.id}>
          <Link to={`/cooperatives/${membership.cooperative.slug}`}>{membership.cooperative.name}</Link>
          <span className="membership-meta">
            <span className="badge badge-neutral">{roleLabel(membership.role)}</span>
            {membership.cooperative.status !== "APPROVED" ? (
              <StatusBadge status={membership.cooperative.status} />
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
