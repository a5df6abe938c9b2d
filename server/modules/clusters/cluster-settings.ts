/** Timing of leases, reports and credentials; one place so the hub, the sweeper and the tests agree. */
export interface ClusterSettings {
  /** How often agents renew their lease. */
  leaseSeconds: number;
  /** How long after a missed lease a cluster is still considered Available. */
  graceSeconds: number;
  /** How often agents send a status report when nothing changes. */
  statusIntervalSeconds: number;
  /** Lifetime of an agent credential. */
  credentialLifetimeHours: number;
  /** Consecutive renewals a cluster whose lease was lost needs to become Available again (anti-flapping). */
  renewalsToReturn: number;
  /** Renewals closer together than this are acknowledged without a write (see `renew-steady-lease.ts`). */
  minRenewalIntervalSeconds: number;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  leaseSeconds: 10,
  graceSeconds: 30,
  statusIntervalSeconds: 30,
  credentialLifetimeHours: 24,
  renewalsToReturn: 2,
  minRenewalIntervalSeconds: 1,
};

/** Default lifetime of a join token; the admin may choose up to {@link MAX_JOIN_TOKEN_MINUTES}. */
export const DEFAULT_JOIN_TOKEN_MINUTES = 60;
export const MAX_JOIN_TOKEN_MINUTES = 7 * 24 * 60;

/** Prefixes of the cluster secrets, so a leaked one is recognisable (and scanners can find it). */
export const JOIN_TOKEN_PREFIX = "ahj";
export const CREDENTIAL_PREFIX = "ahc";

/** Largest accepted status report, as JSON. */
export const MAX_REPORT_BYTES = 256 * 1024;
