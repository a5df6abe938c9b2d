import type { DataSource, EntityManager } from "typeorm";
import type { ClusterCandidate } from "../scheduler/types.js";
import {
  type CachedClusterRow,
  databaseNow,
  readClusterChanges,
  readClusterRows,
  readOffers,
  readReservationChanges,
} from "./candidate-snapshot-rows.js";
import {
  type CandidateCluster,
  type CandidateOffer,
  type ClusterReservations,
  toCandidate,
} from "./candidate-mapping.js";
import { type CandidateSet, liveReservations } from "./load-candidates.js";
import type { ResourceAmounts } from "../scheduler/types.js";

/** Below this many accepted clusters a full load is cheap and exact: the cache steps aside. */
export const CACHE_MIN_CLUSTERS = 200;
/** A snapshot older than this is refreshed in the background while it keeps answering. */
export const MAX_STALENESS_MS = 250;
/** Rows written up to this long before the last refresh are read again (commit delays, transaction start times). */
const WATERMARK_MARGIN_MS = 2_000;
/** Everything is read again this often, in case a change slipped past the watermarks. */
const FULL_RELOAD_MS = 60_000;
/** A lease loss counts for the `leaseLosses` scorer this long (as in `candidate-mapping.ts`). */
const RECENT_LOSS_MS = 24 * 3600 * 1000;

interface Entry {
  row: CachedClusterRow;
  fingerprint: string | undefined;
  candidate: ClusterCandidate;
}

/**
 * What `loadCandidates` answers for a full read on a large fleet (`scheduleCandidates` asks again with `fresh`
 * before any NO_CAPACITY answer). Process-local scheduler candidates for large fleets, so a decision does not read 20,000 cluster rows and their
 * reports. Refreshed by deltas: clusters whose row changed since the last refresh (a fingerprint computed in SQL
 * keeps lease renewals, which only move `updated_at`, from costing a full row), offer versions created or
 * superseded, and the reservation sums of clusters whose work rows changed; everything again every minute.
 *
 * Only a hint for choosing clusters: the reservation locks the chosen clusters and re-checks them with rows read
 * under the lock (`decide-and-reserve.ts`), which `loadCandidates` also feeds back here ({@link CandidateSnapshot.absorb}). A stale
 * snapshot can cost a retry, never an over-commit. Stale-while-revalidate: a snapshot older than
 * {@link MAX_STALENESS_MS} answers at once and starts one refresh in the background.
 */
export class CandidateSnapshot {
  private readonly entries = new Map<string, Entry>();
  private readonly offers = new Map<string, CandidateOffer>();
  private readonly reservations = new Map<string, ClusterReservations>();
  private snapshot: CandidateSet | undefined;
  private watermark = new Date(0);
  private refreshedAt = 0;
  private fullAt = 0;
  private refreshing: Promise<void> | undefined;
  /** Bumped by every refresh start and absorb: a refresh does not overwrite what an absorb wrote after it began. */
  private generation = 0;
  private readonly absorbedAt = new Map<string, number>();
  /** Clusters with a lease loss on record: their `recentLeaseLosses` changes with time alone. */
  private readonly lost = new Set<string>();
  /** Position of each cluster in the snapshot, so an update replaces one element instead of rebuilding. */
  private positions = new Map<string, number>();
  private small = false;
  /** A full load of a large fleet is in: the cache answers. */
  private loaded = false;
  private refreshingInBackground = false;

  private readonly minClusters: number;
  private readonly maxStalenessMs: number;

  constructor(
    private readonly dataSource: DataSource,
    options: { minClusters?: number; maxStalenessMs?: number } = {},
  ) {
    this.minClusters = options.minClusters ?? CACHE_MIN_CLUSTERS;
    this.maxStalenessMs = options.maxStalenessMs ?? MAX_STALENESS_MS;
  }

  /** Resolves when no refresh is running (tests wait for the background refresh a load started). */
  async settled(): Promise<void> {
    await this.refreshing;
  }

  /**
   * The candidates, or undefined while the fleet is small (the caller loads exactly then). `manager` is the
   * caller's (possibly a transaction: PGlite has one connection); a background refresh uses the DataSource's.
   * `fresh`: refresh by deltas on the caller's manager before answering (not stale-while-refreshing), for answers
   * that must not rest on an old read, such as NO_CAPACITY.
   */
  async load(manager: EntityManager, now: Date, fresh = false): Promise<CandidateSet | undefined> {
    if (this.small && Date.now() - this.fullAt < FULL_RELOAD_MS) return undefined;
    if (!this.loaded) {
      if (!(await this.largeFleet(manager))) return undefined;
      await this.refresh(manager, now, false);
    } else if (fresh) {
      await this.refresh(manager, now, false);
    } else if (
      Date.now() - this.refreshedAt >= this.maxStalenessMs ||
      Date.now() - this.fullAt > FULL_RELOAD_MS
    ) {
      // A failed background refresh is retried by the next load; the snapshot stays a hint meanwhile.
      this.refresh(this.dataSource.manager, now, true).catch(() => undefined);
    }
    if (!this.loaded) return undefined;
    this.renewLeaseLosses(now);
    const snapshot = this.currentSnapshot();
    // A new object each time: callers may replace `candidates` (e.g. filter it) without touching the snapshot.
    return { candidates: snapshot.candidates, clusters: snapshot.clusters };
  }

  /** Counts the fleet once a minute; a small one is left to the exact loader, with no refreshes in between. */
  private async largeFleet(manager: EntityManager): Promise<boolean> {
    const [{ count }] = await manager.query(
      "SELECT count(*)::int AS count FROM member_cluster WHERE acceptance = 'accepted' AND revoked_at IS NULL",
    );
    this.small = Number(count) < this.minClusters;
    if (this.small) {
      this.fullAt = Date.now();
      this.loaded = false;
      this.entries.clear();
      this.snapshot = undefined;
    }
    return !this.small;
  }

  /**
   * What this process is about to commit (the assignments it re-checked under the locks), added on top of the
   * reservation sums at once, so the process's next decision does not pick the same room and fail its re-check.
   * Conservative: the next delta refresh of the cluster's work rows replaces the sums with what the database
   * holds, and if the transaction rolls back the extra room is only missing until then (a minute at most).
   */
  reserve(
    assignments: ReadonlyArray<{ clusterId: string; cooperativeId: string; reservation: ResourceAmounts }>,
    requesterCooperativeId: string,
    now: Date,
  ): void {
    if (!this.loaded) return;
    for (const { clusterId, cooperativeId, reservation } of assignments) {
      const entry = this.entries.get(clusterId);
      if (!entry) continue;
      const previous = this.reservations.get(clusterId);
      const total = { ...previous?.total };
      const guests = { ...previous?.guests };
      for (const [resource, amount] of Object.entries(reservation)) {
        total[resource] = (total[resource] ?? 0) + amount;
        if (cooperativeId !== requesterCooperativeId) guests[resource] = (guests[resource] ?? 0) + amount;
      }
      this.reservations.set(clusterId, { total, guests });
      this.put(clusterId, entry.row, entry.fingerprint, now);
    }
  }

  /** Rows read under the reservation locks: newer than anything here, so they replace it at once. */
  absorb(
    ids: readonly string[],
    fresh: ReadonlyArray<{ cluster: CandidateCluster & { name: string }; offer: CandidateOffer | undefined }>,
    reservations: ReadonlyMap<string, ClusterReservations>,
    now: Date,
  ): void {
    if (!this.loaded) return;
    const generation = ++this.generation;
    const byId = new Map(fresh.map((entry) => [entry.cluster.id, entry]));
    for (const id of ids) {
      this.absorbedAt.set(id, generation);
      const entry = byId.get(id);
      if (entry?.offer) this.offers.set(id, entry.offer);
      else this.offers.delete(id);
      const found = reservations.get(id);
      if (found) this.reservations.set(id, found);
      else this.reservations.delete(id);
      // The report's receive time is not among these columns: the next delta touching the row reads it again.
      const row = entry ? { ...entry.cluster, latestReportReceivedAt: null } : undefined;
      this.put(id, row, undefined, now);
    }
  }

  /**
   * One refresh at a time, shared by the loads that want one, except that a load on the caller's manager never
   * waits for a background refresh: that one needs a pooled connection, which on PGlite (one connection) the
   * caller's own transaction may hold.
   */
  private refresh(manager: EntityManager, now: Date, background: boolean): Promise<void> {
    if (this.refreshing && this.refreshingInBackground && !background) return this.runRefresh(manager, now);
    if (!this.refreshing) {
      this.refreshingInBackground = background;
      this.refreshing = this.runRefresh(manager, now).finally(() => {
        this.refreshing = undefined;
      });
    }
    return this.refreshing;
  }

  private async runRefresh(manager: EntityManager, now: Date): Promise<void> {
    const started = ++this.generation;
    const startedAt = await databaseNow(manager);
    const since = new Date(this.watermark.getTime() - WATERMARK_MARGIN_MS);
    if (this.entries.size === 0 || Date.now() - this.fullAt > FULL_RELOAD_MS)
      await this.reloadAll(manager, now);
    else await this.applyDeltas(manager, since, started, now);
    this.watermark = startedAt;
    this.refreshedAt = Date.now();
  }

  private async reloadAll(manager: EntityManager, now: Date): Promise<void> {
    const [rows, offers, reservations] = [
      await readClusterRows(manager),
      await readOffers(manager),
      await liveReservations(manager),
    ];
    this.entries.clear();
    this.offers.clear();
    this.reservations.clear();
    this.absorbedAt.clear();
    this.lost.clear();
    for (const offer of offers) this.offers.set(offer.clusterId, offer);
    for (const [id, sums] of reservations) this.reservations.set(id, sums);
    this.snapshot = undefined;
    for (const row of rows) this.put(row.id, row, row.fingerprint, now);
    this.fullAt = Date.now();
    // The fleet shrank below the threshold: step aside (the next load counts again after a minute).
    this.small = rows.length < this.minClusters;
    this.loaded = !this.small;
  }

  private async applyDeltas(manager: EntityManager, since: Date, started: number, now: Date): Promise<void> {
    const fresh = (id: string) => (this.absorbedAt.get(id) ?? 0) < started;
    const touched = new Set<string>();
    const changes = await readClusterChanges(manager, since);
    const reread = changes
      .filter((change) => {
        const entry = this.entries.get(change.id);
        return (
          entry === undefined ||
          entry.fingerprint !== change.fingerprint ||
          (entry.row.latestReportReceivedAt?.getTime() ?? null) !== change.reportReceivedAt
        );
      })
      .map((change) => change.id);
    const rows = reread.length > 0 ? await readClusterRows(manager, reread) : [];
    const offers = await readOffers(manager, since);
    const reservationIds = await readReservationChanges(manager, since);
    const sums = reservationIds.length > 0 ? await liveReservations(manager, reservationIds) : new Map();
    for (const offer of offers) {
      if (!fresh(offer.clusterId)) continue;
      const current = this.offers.get(offer.clusterId);
      // Offer versions never change once written (only `superseded_at` is set): the same current id is no news.
      if (offer.supersededAt === null && current?.id === offer.id) continue;
      if (offer.supersededAt === null && (current === undefined || current.version <= offer.version))
        this.offers.set(offer.clusterId, offer);
      else if (offer.supersededAt !== null && current?.id === offer.id) this.offers.delete(offer.clusterId);
      touched.add(offer.clusterId);
    }
    for (const id of reservationIds) {
      if (!fresh(id)) continue;
      const found = sums.get(id);
      if (JSON.stringify(found) === JSON.stringify(this.reservations.get(id))) continue;
      if (found) this.reservations.set(id, found);
      else this.reservations.delete(id);
      touched.add(id);
    }
    const rowById = new Map(rows.map((row) => [row.id, row]));
    for (const id of reread) touched.add(id);
    for (const id of touched) {
      if (!fresh(id)) continue;
      const row = rowById.get(id) ?? this.entries.get(id)?.row;
      const fingerprint = rowById.get(id)?.fingerprint ?? this.entries.get(id)?.fingerprint;
      this.put(id, row, fingerprint, now);
    }
  }

  /**
   * Stores the cluster's candidate, or forgets the cluster when it is gone, not accepted or revoked. An update of
   * a cluster in the snapshot replaces its element; a cluster arriving or leaving drops the snapshot.
   */
  private put(
    id: string,
    row: CachedClusterRow | undefined,
    fingerprint: string | undefined,
    now: Date,
  ): void {
    if (row === undefined || row.acceptance !== "accepted" || row.revokedAt !== null) {
      if (this.entries.delete(id)) this.snapshot = undefined;
      this.lost.delete(id);
      return;
    }
    const candidate = toCandidate(row, this.offers.get(id), this.reservations.get(id), now);
    this.entries.set(id, { row, fingerprint, candidate });
    if (row.leaseLostAt !== null) this.lost.add(id);
    else this.lost.delete(id);
    const position = this.positions.get(id);
    if (this.snapshot !== undefined && position !== undefined) {
      this.snapshot.candidates[position] = candidate;
      this.snapshot.clusters.set(id, { id, name: row.name, cooperativeId: row.cooperativeId });
    } else this.snapshot = undefined;
  }

  private currentSnapshot(): CandidateSet {
    if (this.snapshot !== undefined) return this.snapshot;
    const candidates: ClusterCandidate[] = [];
    const clusters: CandidateSet["clusters"] = new Map();
    this.positions = new Map();
    for (const [id, { row, candidate }] of this.entries) {
      this.positions.set(id, candidates.length);
      candidates.push(candidate);
      clusters.set(id, { id, name: row.name, cooperativeId: row.cooperativeId });
    }
    this.snapshot = { candidates, clusters };
    return this.snapshot;
  }

  /** `leaseLosses` counts losses of the last day: the count changes with time alone, not with the row. */
  private renewLeaseLosses(now: Date): void {
    for (const id of this.lost) {
      const entry = this.entries.get(id);
      if (entry?.row.leaseLostAt == null) continue;
      const recent = now.getTime() - entry.row.leaseLostAt.getTime() < RECENT_LOSS_MS ? 1 : 0;
      if (entry.candidate.recentLeaseLosses !== recent) this.put(id, entry.row, entry.fingerprint, now);
    }
  }
}

const snapshots = new WeakMap<DataSource, CandidateSnapshot>();

/** The snapshot of the database `manager` belongs to (one per DataSource: tests run many hubs in one process). */
export function candidateSnapshotOf(manager: EntityManager): CandidateSnapshot {
  let snapshot = snapshots.get(manager.connection);
  if (!snapshot) {
    snapshot = new CandidateSnapshot(manager.connection);
    snapshots.set(manager.connection, snapshot);
  }
  return snapshot;
}
