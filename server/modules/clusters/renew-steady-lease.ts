import { isDeepStrictEqual } from "node:util";
import type { DataSource } from "typeorm";
import type { AgentIdentity } from "./agent-identity.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { changedConditions } from "./conditions.js";
import {
  availableCondition,
  capacityFreshCondition,
  clockSyncedCondition,
  credentialExpiringCondition,
  type LeaseState,
  renewLeaseState,
} from "./lease-state.js";

/** What an unlocked read of the cluster row gives the steady-state renewal. */
interface LeaseRow {
  conditions: LeaseState["conditions"];
  taints: LeaseState["taints"];
  lease_renewed_at: Date | null;
  lease_expires_at: Date | null;
  lease_lost_at: Date | null;
  renewal_streak: number;
  latest_report_received_at: Date | null;
  ready_nodes: number | null;
}

/**
 * The common case in one statement: a cluster whose conditions would come out of this renewal exactly as they
 * are stored. Their expected values are computed by the same functions as every renewal's, for a live lease, a
 * fresh report with ready nodes and this request's clock and credential; the `WHERE` checks that the row is in
 * that state (conditions compared without their `lastTransitionTime`, which a renewal without a status change keeps),
 * so only the lease columns change. Anything else matches nothing and {@link renewSteadyLease} reads the row.
 */
export async function renewUnchangedLease(
  dataSource: DataSource,
  agent: AgentIdentity,
  facts: { now: Date; agentTime: Date },
  settings: ClusterSettings,
): Promise<boolean> {
  const { now } = facts;
  const expected = [
    availableCondition({ leaseLost: false, everRenewed: true, readyNodes: 1 }),
    capacityFreshCondition(now, now, settings.statusIntervalSeconds),
    clockSyncedCondition(facts.agentTime, now, settings.leaseSeconds),
    credentialExpiringCondition(agent.credentialExpiresAt, now, settings.credentialLifetimeHours),
  ].sort((a, b) => a.type.localeCompare(b.type));
  // capacityFreshCondition rounds the report's age to whole seconds: fresh while under 2 intervals + 0.5 s.
  const freshAfter = new Date(now.getTime() - settings.statusIntervalSeconds * 2_000 - 500);
  const [, updated] = (await dataSource.query(
    `UPDATE member_cluster
        SET lease_renewed_at = $2, lease_expires_at = $3, updated_at = $2
      WHERE id = $1 AND revoked_at IS NULL AND lease_lost_at IS NULL
        AND lease_renewed_at <= $4 AND latest_report_received_at > $5
        AND coalesce((latest_report -> 'nodes' ->> 'ready')::int, 1) <> 0
        AND (SELECT jsonb_agg(c - 'lastTransitionTime' ORDER BY c ->> 'type')
               FROM jsonb_array_elements(conditions) AS c) = $6::jsonb`,
    [
      agent.clusterId,
      now,
      new Date(now.getTime() + settings.leaseSeconds * 1000),
      new Date(now.getTime() - settings.minRenewalIntervalSeconds * 1000),
      freshAfter,
      JSON.stringify(expected),
    ],
  )) as [unknown, number];
  return updated === 1;
}

/** How a steady-state renewal ended: applied, coalesced with one a moment ago, or left to the locked path. */
export type SteadyRenewal = "renewed" | "coalesced" | "not-steady";

/**
 * The renewal of a healthy cluster, which is almost every renewal: one unlocked read of the lease columns (the
 * ready-node count is picked out of the latest report in SQL, never the whole report) and one conditional
 * `UPDATE`, without a transaction. It applies only when nothing changes status: no lease regained, no condition
 * transition. The `UPDATE` repeats the values it read in its `WHERE`, so a sweeper or status report that changed
 * the row in between makes it match nothing and the caller takes the locked path; nothing is overwritten.
 *
 * A renewal within `minRenewalIntervalSeconds` of the previous one is acknowledged without a write: an agent
 * renews every `leaseSeconds`, so more is a retry burst or a misbehaving agent, and the row itself bounds every
 * cluster to one lease write per interval on every hub process (this replaces the generic mutation rate limit
 * for renewals, see `mutation-rate-limit-plugin.ts`).
 */
export async function renewSteadyLease(
  dataSource: DataSource,
  agent: AgentIdentity,
  facts: { now: Date; agentTime: Date },
  settings: ClusterSettings,
): Promise<SteadyRenewal> {
  const rows: LeaseRow[] = await dataSource.query(
    `SELECT conditions, taints, lease_renewed_at, lease_expires_at, lease_lost_at, renewal_streak,
            latest_report_received_at, (latest_report -> 'nodes' ->> 'ready')::int AS ready_nodes
       FROM member_cluster WHERE id = $1 AND revoked_at IS NULL`,
    [agent.clusterId],
  );
  const row = rows[0];
  if (!row || row.lease_lost_at !== null || row.lease_renewed_at === null) return "not-steady";
  const before = stateOf(row);
  const { state, transition } = renewLeaseState(
    before,
    {
      now: facts.now,
      agentTime: facts.agentTime,
      credentialExpiresAt: agent.credentialExpiresAt,
      latestReportReceivedAt: dateOrNull(row.latest_report_received_at),
      readyNodes: row.ready_nodes ?? undefined,
    },
    settings,
  );
  if (transition || changedConditions(before.conditions, state.conditions).length > 0) return "not-steady";
  const sinceLastMs = facts.now.getTime() - (before.leaseRenewedAt?.getTime() ?? 0);
  const conditionsUnchanged = isDeepStrictEqual(before.conditions, state.conditions);
  if (sinceLastMs >= 0 && sinceLastMs < settings.minRenewalIntervalSeconds * 1000 && conditionsUnchanged)
    return "coalesced";
  const [, updated] = (await dataSource.query(
    `UPDATE member_cluster
        SET lease_renewed_at = $2, lease_expires_at = $3, conditions = $4::jsonb, updated_at = $2
      WHERE id = $1 AND revoked_at IS NULL AND lease_lost_at IS NULL
        AND lease_renewed_at = $5 AND conditions = $6::jsonb`,
    [
      agent.clusterId,
      state.leaseRenewedAt,
      state.leaseExpiresAt,
      JSON.stringify(state.conditions),
      before.leaseRenewedAt,
      JSON.stringify(before.conditions),
    ],
  )) as [unknown, number];
  return updated === 1 ? "renewed" : "not-steady";
}

function stateOf(row: LeaseRow): LeaseState {
  return {
    conditions: row.conditions,
    taints: row.taints,
    leaseRenewedAt: dateOrNull(row.lease_renewed_at),
    leaseExpiresAt: dateOrNull(row.lease_expires_at),
    leaseLostAt: dateOrNull(row.lease_lost_at),
    renewalStreak: row.renewal_streak,
  };
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
