import { useMemo } from "react";
import { useQuery } from "../lib/use-query.js";
import { ErrorList } from "./error-list.js";

const HISTORY = `query ClusterHistory($id: ID!, $from: DateTime!, $to: DateTime!) {
  memberCluster(id: $id) { history(from: $from, to: $to) { at cpuAllocatable cpuAllocated cpuPending } }
}`;

interface Point {
  at: string;
  cpuAllocatable: number;
  cpuAllocated: number;
  cpuPending: number;
}

const WIDTH = 640;
const HEIGHT = 160;
const SERIES = [
  { key: "cpuAllocatable", label: "Allocatable" },
  { key: "cpuAllocated", label: "Allocated" },
  { key: "cpuPending", label: "Pending" },
] as const;
const STYLE: Record<string, { stroke: string; dash?: string }> = {
  cpuAllocatable: { stroke: "#1b5e20" },
  cpuAllocated: { stroke: "#0d47a1" },
  cpuPending: { stroke: "#b71c1c", dash: "4 3" },
};

function path(
  points: Point[],
  key: (typeof SERIES)[number]["key"],
  maximum: number,
  start: number,
  span: number,
) {
  return points
    .map((point, index) => {
      const x = ((new Date(point.at).getTime() - start) / span) * WIDTH;
      const y = HEIGHT - (point[key] / maximum) * HEIGHT;
      return `${index === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/** CPU over the last `hours`: allocatable against allocated and pending requests, from the status history. */
export function ClusterHistoryChart({ id, hours = 24 }: { id: string; hours?: number }) {
  const range = useMemo(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - hours * 3_600_000).toISOString(), to: to.toISOString() };
  }, [hours]);
  const { data, errors } = useQuery<{ memberCluster: { history: Point[] } | null }>(HISTORY, {
    id,
    ...range,
  });
  const points = data?.memberCluster?.history ?? [];
  if (errors.length > 0) return <ErrorList errors={errors} />;
  if (points.length < 2) return <p className="muted">Not enough history for a chart yet.</p>;
  const start = new Date(range.from).getTime();
  const span = new Date(range.to).getTime() - start;
  const maximum = Math.max(1, ...points.map((point) => Math.max(point.cpuAllocatable, point.cpuAllocated)));
  const last = points[points.length - 1];
  const summary = `CPU over the last ${hours} hours: now ${(last.cpuAllocated / 1000).toFixed(1)} of ${(last.cpuAllocatable / 1000).toFixed(1)} cores allocated, ${(last.cpuPending / 1000).toFixed(1)} pending.`;
  return (
    <figure className="cluster-history">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary}>
        {SERIES.map((series) => (
          <path
            key={series.key}
            d={path(points, series.key, maximum, start, span)}
            fill="none"
            stroke={STYLE[series.key].stroke}
            strokeDasharray={STYLE[series.key].dash}
            strokeWidth={2}
          />
        ))}
      </svg>
      <figcaption className="muted">
        {summary} Lines: {SERIES.map((series) => series.label).join(", ")} (dashed).
      </figcaption>
    </figure>
  );
}
