import type { EntityManager } from "typeorm";
import type { MemberCluster } from "../../clusters/member-cluster.entity.js";
import type { CapacityOffer } from "../../offers/capacity-offer.entity.js";

/** The member cluster columns a candidate is built from (`toCandidate` reads nothing else). */
export type CachedClusterRow = Pick<
  MemberCluster,
  | "id"
  | "cooperativeId"
  | "name"
  | "acceptance"
  | "revokedAt"
  | "labels"
  | "taints"
  | "conditions"
  | "leaseLostAt"
  | "latestReport"
  | "latestReportReceivedAt"
>;

/** A changed row's fingerprint: what decides whether the full row must be read again. */
export interface ClusterChange {
  id: string;
  /** md5 of everything but the report (conditions, labels, taints, owner, acceptance, lease loss). */
  fingerprint: string;
  reportReceivedAt: number | null;
}

const time = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

const CLUSTER_COLUMNS = `id, cooperative_id, name, acceptance, revoked_at, labels, taints, conditions, lease_lost_at,
  latest_report, latest_report_received_at`;

// Everything but the report, hashed in the database: a lease renewal touches `updated_at` (and rewrites the same
// conditions) every few seconds per cluster, and must not cost a full row read.
const FINGERPRINT = `md5(concat_ws('|', cooperative_id, acceptance, revoked_at, lease_lost_at, labels::text,
  taints::text, conditions::text))`;

/** The rows with everything a candidate needs: every accepted, not revoked cluster, or the ones named. */
export async function readClusterRows(
  manager: EntityManager,
  ids?: readonly string[],
): Promise<Array<CachedClusterRow & { fingerprint: string }>> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    ids
      ? `SELECT ${CLUSTER_COLUMNS}, ${FINGERPRINT} AS fingerprint FROM member_cluster WHERE id = ANY($1::uuid[])`
      : `SELECT ${CLUSTER_COLUMNS}, ${FINGERPRINT} AS fingerprint FROM member_cluster
          WHERE acceptance = 'accepted' AND revoked_at IS NULL`,
    ids ? [ids] : [],
  );
  return rows.map((row) => ({
    id: row.id as string,
    cooperativeId: row.cooperative_id as string,
    name: row.name as string,
    acceptance: row.acceptance as MemberCluster["acceptance"],
    revokedAt: time(row.revoked_at as string | null),
    labels: row.labels as MemberCluster["labels"],
    taints: row.taints as MemberCluster["taints"],
    conditions: row.conditions as MemberCluster["conditions"],
    leaseLostAt: time(row.lease_lost_at as string | null),
    latestReport: row.latest_report as MemberCluster["latestReport"],
    latestReportReceivedAt: time(row.latest_report_received_at as string | null),
    fingerprint: row.fingerprint as string,
  }));
}

/** Fingerprints of the clusters whose row was written after `since` (any acceptance: a revoked one must leave). */
export async function readClusterChanges(manager: EntityManager, since: Date): Promise<ClusterChange[]> {
  const rows: Array<{ id: string; fingerprint: string; received: Date | string | null }> =
    await manager.query(
      `SELECT id, ${FINGERPRINT} AS fingerprint, latest_report_received_at AS received
       FROM member_cluster WHERE updated_at > $1`,
      [since],
    );
  return rows.map((row) => ({
    id: row.id,
    fingerprint: row.fingerprint,
    reportReceivedAt: row.received === null ? null : new Date(row.received).getTime(),
  }));
}

/** Offer versions created or superseded after `since`, or every current one without `since`. */
export async function readOffers(manager: EntityManager, since?: Date): Promise<CapacityOffer[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT * FROM capacity_offer
      WHERE ${since ? "created_at > $1 OR superseded_at > $1" : "superseded_at IS NULL"}
      ORDER BY version`,
    since ? [since] : [],
  );
  return rows.map((row) => ({
    id: row.id as string,
    clusterId: row.cluster_id as string,
    cooperativeId: row.cooperative_id as string,
    version: Number(row.version),
    status: row.status as CapacityOffer["status"],
    caps: row.caps as CapacityOffer["caps"],
    freeSharePercent: row.free_share_percent === null ? null : Number(row.free_share_percent),
    allow: row.allow as CapacityOffer["allow"],
    deny: row.deny as CapacityOffer["deny"],
    windows: row.windows as CapacityOffer["windows"],
    preemptible: row.preemptible as boolean,
    gracePeriodSeconds: Number(row.grace_period_seconds),
    createdById: row.created_by_id as string,
    createdAt: new Date(row.created_at as string),
    supersededAt: time(row.superseded_at as string | null),
  }));
}

/** Clusters whose work rows (reservations) were written after `since`. */
export async function readReservationChanges(manager: EntityManager, since: Date): Promise<string[]> {
  const rows: Array<{ cluster_id: string }> = await manager.query(
    "SELECT DISTINCT cluster_id FROM placement_work WHERE updated_at > $1",
    [since],
  );
  return rows.map((row) => row.cluster_id);
}

/** The database's clock, so watermarks compare with `updated_at` written by any process. */
export async function databaseNow(manager: EntityManager): Promise<Date> {
  const [row] = await manager.query("SELECT clock_timestamp() AS now");
  return new Date(row.now);
}
