import { useState } from "react";
import { ErrorList } from "../components/error-list.js";
import { StewardOnly } from "../components/steward-only.js";
import { StewardTabs } from "../components/steward-tabs.js";
import { formatDateTime } from "../lib/format.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";

const AUDIT_QUERY = `query Audit($after: String) {
  auditEvents(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id occurredAt action targetType targetId actor { name handle } cooperative { name slug } } }
  }
}`;

interface AuditEvent {
  id: string;
  occurredAt: string;
  action: string;
  targetType: string;
  targetId: string;
  actor: { name: string; handle: string } | null;
  cooperative: { name: string; slug: string } | null;
}

interface AuditData {
  auditEvents: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: AuditEvent }>;
  } | null;
}

function AuditLog() {
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, errors, loading } = useQuery<AuditData>(AUDIT_QUERY, { after: cursors.at(-1) ?? null });
  const events = data?.auditEvents?.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.auditEvents?.pageInfo;
  return (
    <div className="page">
      <h1>Audit log</h1>
      <StewardTabs />
      <ErrorList errors={errors} />
      {loading && !data ? <p className="muted">Loading…</p> : null}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Recorded changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Cooperative</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.occurredAt)}</td>
                <td>{event.actor ? `${event.actor.name} (@${event.actor.handle})` : "The hub"}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>{event.cooperative?.name ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursors.length > 0 || pageInfo?.hasNextPage ? (
        <nav className="pagination" aria-label="Pages">
          <button
            type="button"
            className="button button-secondary"
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Newer
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor}
            onClick={() => pageInfo?.endCursor && setCursors([...cursors, pageInfo.endCursor])}
          >
            Older
          </button>
        </nav>
      ) : null}
    </div>
  );
}

/** `/stewards/audit`: the audit log, for stewards. */
export function AuditLogPage() {
  usePageTitle("Audit log");
  return (
    <StewardOnly title="Audit log">
      <AuditLog />
    </StewardOnly>
  );
}
