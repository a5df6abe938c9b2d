import { type ClusterResource, formatAmount } from "./cluster-types.js";

const NAMES: Record<string, string> = {
  cpu: "CPU",
  memory: "Memory",
  "ephemeral-storage": "Ephemeral storage",
  pods: "Pods",
};

/**
 * Allocated share of allocatable per resource, as native meters (announced by screen readers), with the figures
 * in text beside them. Pending requests are named: they are demand the cluster cannot place right now.
 */
export function ClusterCapacityBars({ resources, only }: { resources: ClusterResource[]; only?: string[] }) {
  const shown = only ? resources.filter((entry) => only.includes(entry.resource)) : resources;
  return (
    <dl className="cluster-capacity">
      {shown.map((entry) => {
        const name = NAMES[entry.resource] ?? entry.resource;
        return (
          <div key={entry.resource} className="cluster-capacity-row">
            <dt>{name}</dt>
            <dd>
              <meter
                aria-label={`${name} allocated`}
                min={0}
                max={Math.max(entry.allocatable, 1)}
                high={entry.allocatable * 0.85}
                value={Math.min(entry.allocated, entry.allocatable)}
              />{" "}
              {formatAmount(entry.resource, entry.allocated)} of{" "}
              {formatAmount(entry.resource, entry.allocatable)}
              {entry.pending > 0 ? ` (${formatAmount(entry.resource, entry.pending)} pending)` : ""}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
