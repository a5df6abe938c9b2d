import { CancelPlacementButton } from "../../components/placements/cancel-placement-button.js";
import { DecisionHistory, type DecisionSummary } from "../../components/placements/decision-history.js";
import { ExplanationTable } from "../../components/placements/explanation-table.js";
import {
  type Decision,
  EXPLANATION_FIELDS,
  formatAmounts,
  type PlacementWork,
  placementStatus,
  type ResourceAmount,
} from "../../components/placements/placement-types.js";
import "../../components/placements/placements.css";
import { useInterval } from "../../components/placements/use-interval.js";
import { WorkTable, workUnsettled } from "../../components/placements/work-table.js";
import { ErrorList } from "../../components/error-list.js";
import { Link } from "../../lib/link.js";
import { usePageTitle } from "../../lib/page-title.js";
import { useQuery } from "../../lib/use-query.js";
import { NotFoundPage } from "../not-found-page.js";

const WORK_FIELDS = `id replicas namespace generation observedGeneration desiredState removalReason reportedAt
  availableSince releasedAt cluster { id name } providerCooperative { name } reservation { resource amount }
  conditions { type status reason message lastTransitionTime } objects { apiVersion kind name status message }`;

const PLACEMENT_QUERY = `query Placement($id: ID!) {
  placement(id: $id) {
    id name status sourceKind queuePosition waitForCapacity tolerationSeconds constraints spread
    createdAt placedAt cancelledAt
    blueprintVersion { id version blueprint { name } }
    cooperative { name slug viewerMembership { role } }
    createdBy { name }
    resources { replicas perReplica { resource amount } }
    mode { kind clusters }
    work(includeReleased: true) { ${WORK_FIELDS} }
    decision { ${EXPLANATION_FIELDS} }
    decisions(first: 20) { id decidedAt outcome trigger requestedReplicas placeableReplicas clusterCount filteredCount }
  }
}`;

interface PlacementDetail {
  id: string;
  name: string;
  status: string;
  sourceKind: string;
  queuePosition: number | null;
  waitForCapacity: boolean;
  tolerationSeconds: number;
  constraints: Record<string, unknown>;
  spread: Record<string, unknown>;
  createdAt: string;
  placedAt: string | null;
  cancelledAt: string | null;
  blueprintVersion: { id: string; version: string; blueprint: { name: string } } | null;
  cooperative: { name: string; slug: string; viewerMembership: { role: string } | null };
  createdBy: { name: string } | null;
  resources: { replicas: number; perReplica: ResourceAmount[] };
  mode: { kind: string; clusters: number | null };
  work: PlacementWork[];
  decision: Decision | null;
  decisions: DecisionSummary[];
}

/** How often the page asks again while agents are still applying or removing work. */
const POLL_MS = 3000;
const time = (value: string | null) => (value ? new Date(value).toLocaleString() : "—");
const json = (value: Record<string, unknown>) => {
  const entries = Object.entries(value).filter(
    ([, item]) => item !== null && item !== undefined && item !== false,
  );
  return entries.length > 0
    ? entries.map(([key, item]) => `${key}: ${JSON.stringify(item)}`).join("; ")
    : "none";
};

/** `/placements/:id`: status, request, work per cluster (live while it changes), the latest decision and history. */
export function PlacementPage({ id }: { id: string }) {
  const { data, errors, loading, reload } = useQuery<{ placement: PlacementDetail | null }>(PLACEMENT_QUERY, {
    id,
  });
  const placement = data?.placement;
  usePageTitle(placement ? `Placement ${placement.name}` : "Placement");
  // Poll while the queue or an agent still has something to do; a settled placement costs nothing.
  const unsettled = !!placement && (placement.status === "QUEUED" || workUnsettled(placement.work));
  useInterval(reload, POLL_MS, unsettled);
  if (loading && !data) return <p className="muted">Loading…</p>;
  if (!placement) return errors.length > 0 ? <ErrorList errors={errors} /> : <NotFoundPage />;
  const status = placementStatus(placement.status);
  const canCancel =
    placement.cooperative.viewerMembership?.role === "ADMIN" &&
    (placement.status === "PLACED" || placement.status === "QUEUED");
  const live = placement.work.filter((work) => !work.releasedAt);
  const released = placement.work.filter((work) => work.releasedAt);
  return (
    <div className="page">
      <p>
        <Link to="/placements">← Placements</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>{placement.name}</h1>
          <p className="lead">
            <Link to={`/cooperatives/${placement.cooperative.slug}`}>{placement.cooperative.name}</Link>
            {placement.createdBy ? ` · placed by ${placement.createdBy.name}` : ""} ·{" "}
            {time(placement.createdAt)}
          </p>
        </div>
      </div>
      <p aria-live="polite">
        <span className={`badge ${status.tone}`}>{status.label}</span>
        {placement.queuePosition ? ` Position ${placement.queuePosition} in the queue.` : ""}
        {unsettled ? <span className="muted"> Updating every few seconds…</span> : null}
      </p>
      <ErrorList errors={errors} />
      {canCancel ? <CancelPlacementButton placementId={placement.id} onCancelled={reload} /> : null}

      <h2>Request</h2>
      <dl className="facts">
        <dt>Source</dt>
        <dd>
          {placement.blueprintVersion
            ? `${placement.blueprintVersion.blueprint.name} ${placement.blueprintVersion.version}`
            : "Manifests"}
        </dd>
        <dt>Replicas</dt>
        <dd>{placement.resources.replicas}</dd>
        <dt>Per replica</dt>
        <dd>{formatAmounts(placement.resources.perReplica)}</dd>
        <dt>Mode</dt>
        <dd>
          {placement.mode.kind === "DUPLICATED"
            ? `Duplicated on ${placement.mode.clusters} clusters`
            : "Divided"}
        </dd>
        <dt>Constraints</dt>
        <dd>{json(placement.constraints)}</dd>
        <dt>Spread</dt>
        <dd>{json(placement.spread)}</dd>
        <dt>Failover after</dt>
        <dd>{placement.tolerationSeconds} s unknown</dd>
        <dt>Waits for capacity</dt>
        <dd>{placement.waitForCapacity ? "Yes" : "No"}</dd>
      </dl>

      <h2>Clusters</h2>
      <WorkTable work={live} />
      {released.length > 0 ? (
        <details>
          <summary>Removed work ({released.length})</summary>
          <WorkTable work={released} />
        </details>
      ) : null}

      <h2>Latest decision</h2>
      {placement.decision ? (
        <>
          <p>
            {placement.decision.outcome.replace("_", " ").toLowerCase()} (
            {placement.decision.trigger.toLowerCase()}) at {time(placement.decision.decidedAt)}
          </p>
          <ExplanationTable decision={placement.decision} caption="Every cluster the scheduler considered" />
        </>
      ) : (
        <p className="muted">No decision stored yet.</p>
      )}

      <h2>Decision history</h2>
      <DecisionHistory decisions={placement.decisions} />
    </div>
  );
}
