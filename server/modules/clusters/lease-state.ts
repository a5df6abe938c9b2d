import { type ClusterCondition, type ConditionUpdate, setConditions } from "./conditions.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { addTaint, type ClusterTaint, removeTaint, UNREACHABLE_TAINT } from "./taints.js";

/** The part of a member cluster the lease logic reads and changes. */
export interface LeaseState {
  conditions: ClusterCondition[];
  taints: ClusterTaint[];
  leaseRenewedAt: Date | null;
  leaseExpiresAt: Date | null;
  leaseLostAt: Date | null;
  renewalStreak: number;
}

/** A transition worth an entry in the cluster's event log. */
export interface LeaseTransition {
  type: "LeaseLost" | "LeaseRegained";
  message: string;
  details: Record<string, number | string>;
}

const SECOND = 1000;

/**
 * The Available condition from the facts that decide it: a lost lease makes it Unknown (the hub cannot tell),
 * a report with no ready node False, a live lease True.
 */
export function availableCondition(facts: {
  leaseLost: boolean;
  everRenewed: boolean;
  readyNodes: number | undefined;
}): ConditionUpdate {
  if (facts.leaseLost)
    return {
      type: "Available",
      status: "Unknown",
      reason: "LeaseExpired",
      message: "The agent has not renewed the lease within the grace period",
    };
  if (!facts.everRenewed)
    return {
      type: "Available",
      status: "Unknown",
      reason: "AwaitingLease",
      message: "The cluster registered; its agent has not renewed a lease yet",
    };
  if (facts.readyNodes === 0)
    return { type: "Available", status: "False", reason: "NoReadyNodes", message: "No node is Ready" };
  return { type: "Available", status: "True", reason: "LeaseRenewed", message: "The agent renews its lease" };
}

/** ClockSynced: False when the agent's clock is off by more than one lease period. */
export function clockSyncedCondition(agentTime: Date, now: Date, leaseSeconds: number): ConditionUpdate {
  const skewMs = agentTime.getTime() - now.getTime();
  if (Math.abs(skewMs) > leaseSeconds * SECOND)
    return {
      type: "ClockSynced",
      status: "False",
      reason: "ClockSkew",
      message: `The agent's clock is ${Math.round(skewMs / SECOND)} s off the hub's`,
    };
  return {
    type: "ClockSynced",
    status: "True",
    reason: "ClockInSync",
    message: "Agent and hub clocks agree",
  };
}

/** CapacityFresh: False once the latest report is older than twice the status interval. */
export function capacityFreshCondition(
  receivedAt: Date | null,
  now: Date,
  statusIntervalSeconds: number,
): ConditionUpdate {
  if (!receivedAt)
    return { type: "CapacityFresh", status: "False", reason: "NoReport", message: "No status report yet" };
  const ageSeconds = Math.round((now.getTime() - receivedAt.getTime()) / SECOND);
  if (ageSeconds > 2 * statusIntervalSeconds)
    return {
      type: "CapacityFresh",
      status: "False",
      reason: "ReportStale",
      message: `The latest status report is ${ageSeconds} s old`,
    };
  return { type: "CapacityFresh", status: "True", reason: "ReportFresh", message: "Capacity is current" };
}

/** CredentialExpiring: True once less than a tenth of the credential's lifetime remains (the agent rotates at a fifth). */
export function credentialExpiringCondition(
  expiresAt: Date | null,
  now: Date,
  lifetimeHours: number,
): ConditionUpdate {
  const remainingMs = expiresAt ? expiresAt.getTime() - now.getTime() : 0;
  if (remainingMs < lifetimeHours * 3_600_000 * 0.1)
    return {
      type: "CredentialExpiring",
      status: "True",
      reason: remainingMs > 0 ? "RotationOverdue" : "NoValidCredential",
      message:
        remainingMs > 0
          ? `The agent credential expires in ${Math.ceil(remainingMs / 60_000)} min and was not rotated`
          : "The cluster has no valid credential",
    };
  return {
    type: "CredentialExpiring",
    status: "False",
    reason: "CredentialValid",
    message: "Credential is valid",
  };
}

/** What a renewal needs besides the state. */
export interface RenewalFacts {
  now: Date;
  agentTime: Date;
  credentialExpiresAt: Date | null;
  latestReportReceivedAt: Date | null;
  readyNodes: number | undefined;
}

/**
 * A lease renewal. A cluster whose lease was lost returns only after `renewalsToReturn` renewals in a row (each
 * within lease + grace of the previous one), so a flapping link does not flip it back and forth.
 */
export function renewLeaseState(
  state: LeaseState,
  facts: RenewalFacts,
  settings: ClusterSettings,
): { state: LeaseState; transition?: LeaseTransition } {
  const { now } = facts;
  const next: LeaseState = {
    ...state,
    leaseRenewedAt: now,
    leaseExpiresAt: new Date(now.getTime() + settings.leaseSeconds * SECOND),
  };
  let transition: LeaseTransition | undefined;
  if (state.leaseLostAt) {
    const windowMs = (settings.leaseSeconds + settings.graceSeconds) * SECOND;
    const inARow =
      state.renewalStreak > 0 &&
      state.leaseRenewedAt !== null &&
      now.getTime() - state.leaseRenewedAt.getTime() <= windowMs;
    next.renewalStreak = inARow ? state.renewalStreak + 1 : 1;
    if (next.renewalStreak >= settings.renewalsToReturn) {
      const outageSeconds = Math.round((now.getTime() - state.leaseLostAt.getTime()) / SECOND);
      next.leaseLostAt = null;
      next.renewalStreak = 0;
      next.taints = removeTaint(state.taints, UNREACHABLE_TAINT);
      transition = {
        type: "LeaseRegained",
        message: `The agent renewed its lease again after ${outageSeconds} s`,
        details: { outageSeconds },
      };
    }
  }
  next.conditions = setConditions(
    state.conditions,
    [
      availableCondition({
        leaseLost: next.leaseLostAt !== null,
        everRenewed: true,
        readyNodes: facts.readyNodes,
      }),
      clockSyncedCondition(facts.agentTime, now, settings.leaseSeconds),
      capacityFreshCondition(facts.latestReportReceivedAt, now, settings.statusIntervalSeconds),
      credentialExpiringCondition(facts.credentialExpiresAt, now, settings.credentialLifetimeHours),
    ],
    now,
  );
  return { state: next, transition };
}

/** Whether the sweeper should act on this cluster at `now`. */
export function leaseLapsed(state: LeaseState, now: Date, settings: ClusterSettings): boolean {
  return (
    state.leaseExpiresAt !== null &&
    state.leaseExpiresAt.getTime() + settings.graceSeconds * SECOND <= now.getTime()
  );
}

/**
 * The sweeper found the lease lapsed: Available Unknown (LeaseExpired) and the unreachable taint. A cluster that
 * was already lost and broke off its return streak only loses the streak. `leaseExpiresAt` is cleared, so the
 * sweeper's index holds only live leases.
 */
export function loseLeaseState(
  state: LeaseState,
  now: Date,
): { state: LeaseState; transition?: LeaseTransition } {
  const next: LeaseState = { ...state, leaseExpiresAt: null, renewalStreak: 0 };
  if (state.leaseLostAt) return { state: next };
  next.leaseLostAt = now;
  next.taints = addTaint(state.taints, { key: UNREACHABLE_TAINT, value: "", effect: "NoSchedule" }, now);
  next.conditions = setConditions(
    state.conditions,
    [
      availableCondition({
        leaseLost: true,
        everRenewed: state.leaseRenewedAt !== null,
        readyNodes: undefined,
      }),
    ],
    now,
  );
  const lastSeenSeconds = state.leaseRenewedAt
    ? Math.round((now.getTime() - state.leaseRenewedAt.getTime()) / SECOND)
    : -1;
  return {
    state: next,
    transition: {
      type: "LeaseLost",
      message: state.leaseRenewedAt
        ? `No lease renewal for ${lastSeenSeconds} s`
        : "The agent never renewed a lease after registering",
      details: { lastSeenSeconds },
    },
  };
}
