import { useMutation } from "../lib/use-mutation.js";
import { useViewer } from "../lib/viewer.js";
import { ErrorList } from "./error-list.js";

const DECIDE = (name: string) =>
  `mutation($input: DecideMemberClusterInput!) { ${name}(input: $input) { memberCluster { id } } }`;
const MAINTENANCE = `mutation($input: SetMemberClusterMaintenanceInput!) { setMemberClusterMaintenance(input: $input) { memberCluster { id } } }`;
const REVOKE = `mutation($input: RevokeMemberClusterInput!) { revokeMemberCluster(input: $input) { memberCluster { id } } }`;

interface ActionCluster {
  id: string;
  name: string;
  acceptance: string;
  revokedAt: string | null;
  taints: Array<{ key: string }>;
  cooperative: { viewerMembership: { role: string } | null };
}

/** What the viewer may do with a cluster: stewards decide acceptance, admins and stewards maintain and revoke. */
export function ClusterActions({ cluster, onChanged }: { cluster: ActionCluster; onChanged: () => void }) {
  const { isSteward } = useViewer();
  const accept = useMutation(DECIDE("acceptMemberCluster"));
  const deny = useMutation(DECIDE("denyMemberCluster"));
  const unaccept = useMutation(DECIDE("unacceptMemberCluster"));
  const maintenance = useMutation(MAINTENANCE);
  const revoke = useMutation(REVOKE);
  const canManage = isSteward || cluster.cooperative.viewerMembership?.role === "ADMIN";
  if (cluster.revokedAt || (!isSteward && !canManage)) return null;
  const inMaintenance = cluster.taints.some((taint) => taint.key === "alliance.coop/maintenance");
  const run = async (mutation: ReturnType<typeof useMutation>, input: Record<string, unknown>) => {
    const response = await mutation.run({ input: { id: cluster.id, ...input } });
    if (response.errors.length === 0) onChanged();
  };
  const errors = [
    ...accept.errors,
    ...deny.errors,
    ...unaccept.errors,
    ...maintenance.errors,
    ...revoke.errors,
  ];
  return (
    <div className="stack">
      <p className="button-row">
        {isSteward && cluster.acceptance !== "ACCEPTED" ? (
          <button type="button" className="button button-primary" onClick={() => run(accept, {})}>
            Accept {cluster.name}
          </button>
        ) : null}
        {isSteward && cluster.acceptance === "PENDING" ? (
          <button type="button" className="button button-secondary" onClick={() => run(deny, {})}>
            Deny {cluster.name}
          </button>
        ) : null}
        {isSteward && cluster.acceptance === "ACCEPTED" ? (
          <button type="button" className="button button-secondary" onClick={() => run(unaccept, {})}>
            Take {cluster.name} out of the federation
          </button>
        ) : null}
        {canManage ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => run(maintenance, { maintenance: !inMaintenance })}
          >
            {inMaintenance ? "End maintenance" : "Start maintenance"}
          </button>
        ) : null}
        {canManage ? (
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              if (
                window.confirm(
                  `Revoke ${cluster.name}? Its agent stops at once; joining again needs a new token.`,
                )
              )
                void run(revoke, {});
            }}
          >
            Revoke
          </button>
        ) : null}
      </p>
      <ErrorList errors={errors} />
    </div>
  );
}
