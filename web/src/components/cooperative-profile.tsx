import type { CooperativeDetails } from "../lib/cooperative-types.js";
import { countryName, formatDate, tierLabel } from "../lib/format.js";
import { StatusBadge } from "./status-badge.js";

/** A cooperative's public profile: name, status, description and key facts. */
export function CooperativeProfile({ cooperative }: { cooperative: CooperativeDetails }) {
  return (
    <header className="profile-header">
      <p className="eyebrow">Cooperative</p>
      <h1>{cooperative.name}</h1>
      <p className="card-badges">
        <span className="badge badge-tier">{tierLabel(cooperative.tier)}</span>
        <StatusBadge status={cooperative.status} />
      </p>
      {cooperative.status === "PENDING" ? (
        <p className="notice notice-info">
          This application is waiting for a steward of the alliance. It appears in the directory once
          approved.
        </p>
      ) : null}
      {cooperative.status === "DECLINED" ? (
        <p className="notice notice-error">
          A steward declined this application
          {cooperative.decisionNote ? `: ${cooperative.decisionNote}` : "."}
        </p>
      ) : null}
      {cooperative.description ? <p className="lead">{cooperative.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>Country</dt>
          <dd>{countryName(cooperative.country)}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>{cooperative.memberCount}</dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>
            {cooperative.website ? (
              <a href={cooperative.website} rel="noopener noreferrer">
                {cooperative.website.replace(/^https?:\/\//, "")}
              </a>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>{cooperative.status === "APPROVED" ? "Member since" : "Applied"}</dt>
          <dd>
            {formatDate(
              cooperative.status === "APPROVED"
                ? (cooperative.decidedAt ?? cooperative.createdAt)
                : cooperative.createdAt,
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
