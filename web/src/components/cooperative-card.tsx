import { countryName, tierLabel } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { StatusBadge } from "./status-badge.js";

/** The fields a directory card shows. */
export interface CooperativeSummary {
  id: string;
  slug: string;
  name: string;
  country: string;
  tier: string;
  status: string;
  memberCount: number;
  description: string;
}

/** One cooperative in the directory: name (the link), country, tier and member count. */
export function CooperativeCard({ cooperative }: { cooperative: CooperativeSummary }) {
  const members = cooperative.memberCount === 1 ? "1 member" : `${cooperative.memberCount} members`;
  return (
    <article className="card cooperative-card">
      <h2 className="card-title">
        <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link>
      </h2>
      <p className="card-meta">
        <span>{countryName(cooperative.country)}</span>
        <span aria-hidden="true">·</span>
        <span>{members}</span>
      </p>
      {cooperative.description ? <p className="card-text">{cooperative.description}</p> : null}
      <p className="card-badges">
        <span className="badge badge-tier">{tierLabel(cooperative.tier)}</span>
        {cooperative.status !== "APPROVED" ? <StatusBadge status={cooperative.status} /> : null}
      </p>
    </article>
  );
}
