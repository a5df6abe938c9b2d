import { type DataSource, IsNull } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../server/db/data-source.js";
import { CandidateSnapshot } from "../server/modules/placement/reserve/candidate-snapshot.js";
import { MemberClusterEntity } from "../server/modules/clusters/member-cluster.entity.js";
import { CapacityOfferEntity } from "../server/modules/offers/capacity-offer.entity.js";
import { liveReservations, loadCandidates } from "../server/modules/placement/reserve/load-candidates.js";
import type { ClusterCandidate } from "../server/modules/placement/scheduler/types.js";
import { buildPerson } from "./support/factories.js";
import { buildPlaceableCluster } from "./support/placeable-cluster.js";
import { buildPlacementWithWork } from "./support/placement-factories.js";
import { createTestDatabase } from "./support/test-database.js";

let database: Awaited<ReturnType<typeof openDatabase>>;
let drop: () => Promise<void>;
let dataSource: DataSource;
const now = new Date();

const byId = (candidates: readonly ClusterCandidate[]) =>
  [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The exact loader (a fleet this small never uses the shared cache). */
async function exact(): Promise<ClusterCandidate[]> {
  return byId((await loadCandidates(dataSource.manager, now)).candidates);
}

/** A load that starts a refresh, the refresh, then the load that sees it. */
async function refreshed(cache: CandidateSnapshot): Promise<ClusterCandidate[]> {
  await cache.load(dataSource.manager, now);
  await cache.settled();
  const loaded = await cache.load(dataSource.manager, now);
  if (!loaded) throw new Error("the cache stepped aside");
  return byId(loaded.candidates);
}

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  database = await openDatabase(created.config);
  dataSource = database.dataSource;
  await migrate(dataSource);
}, 60_000);

afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe("CandidateSnapshot", () => {
  it("steps aside for a small fleet", async () => {
    await buildPlaceableCluster(dataSource);
    const cache = new CandidateSnapshot(dataSource, { minClusters: 1_000 });
    expect(await cache.load(dataSource.manager, now)).toBeUndefined();
  });

  it("answers what the exact loader answers, also after clusters, offers and reservations change", async () => {
    const first = await buildPlaceableCluster(dataSource, { labels: { country: "DE" } });
    const second = await buildPlaceableCluster(dataSource, { offer: { freeSharePercent: 50 } });
    const third = await buildPlaceableCluster(dataSource, { cpus: 32 });
    const cache = new CandidateSnapshot(dataSource, { minClusters: 1, maxStalenessMs: 0 });
    const initial = await cache.load(dataSource.manager, now);
    expect(byId(initial?.candidates ?? [])).toEqual(await exact());
    expect(initial?.candidates).toHaveLength(4);

    // Another process's writes, straight into the tables.
    await dataSource.query(
      `UPDATE member_cluster SET labels = '{"country": "FR"}', updated_at = now() WHERE id = $1`,
      [first.cluster.id],
    );
    await dataSource.query("UPDATE member_cluster SET revoked_at = now(), updated_at = now() WHERE id = $1", [
      second.cluster.id,
    ]);
    const guest = await buildPerson(dataSource);
    await buildPlacementWithWork(dataSource, {
      cooperative: first.cooperative,
      createdById: guest.id,
      work: [{ cluster: third.cluster, replicas: 3 }],
    });
    // A new offer version, as setCapacityOffer writes it: the current row superseded, the next one inserted.
    await dataSource.query(
      `WITH old AS (UPDATE capacity_offer SET superseded_at = now()
                     WHERE cluster_id = $1 AND superseded_at IS NULL RETURNING *)
       INSERT INTO capacity_offer (cluster_id, cooperative_id, version, status, caps, free_share_percent, allow,
              deny, windows, preemptible, grace_period_seconds, created_by_id)
       SELECT cluster_id, cooperative_id, version + 1, status, '{"cpu": 2000}', free_share_percent, allow, deny,
              windows, preemptible, grace_period_seconds, created_by_id FROM old`,
      [first.cluster.id],
    );

    const after = await refreshed(cache);
    expect(after).toEqual(await exact());
    expect(after).toHaveLength(3);
    const firstCandidate = after.find((candidate) => candidate.id === first.cluster.id);
    expect(firstCandidate?.labels["alliance.coop/country"]).toBe("FR");
    expect(firstCandidate?.offer?.caps).toEqual({ cpu: 2000 });
    expect(after.find((candidate) => candidate.id === third.cluster.id)?.capacity.cpu.allocated).toBe(1500);
  });

  it("keeps a candidate when a lease renewal only moved updated_at", async () => {
    const { cluster } = await buildPlaceableCluster(dataSource);
    const cache = new CandidateSnapshot(dataSource, { minClusters: 1, maxStalenessMs: 0 });
    const before = (await cache.load(dataSource.manager, now))?.candidates.find(
      (candidate) => candidate.id === cluster.id,
    );
    await dataSource.query(
      "UPDATE member_cluster SET lease_renewed_at = now(), updated_at = now() WHERE id = $1",
      [cluster.id],
    );
    const after = (await refreshed(cache)).find((candidate) => candidate.id === cluster.id);
    expect(before).toBeDefined();
    expect(after).toBe(before);
  });

  it("answers a fresh load from a refresh, not from a read that may be old (NO_CAPACITY rests on it)", async () => {
    const { cluster } = await buildPlaceableCluster(dataSource);
    const cache = new CandidateSnapshot(dataSource, { minClusters: 1, maxStalenessMs: 60_000 });
    await cache.load(dataSource.manager, now);
    const guest = await buildPerson(dataSource);
    const { cooperative } = await buildPlaceableCluster(dataSource);
    await buildPlacementWithWork(dataSource, {
      cooperative,
      createdById: guest.id,
      work: [{ cluster, replicas: 3 }],
    });
    const find = (loaded: Awaited<ReturnType<CandidateSnapshot["load"]>>) =>
      loaded?.candidates.find((candidate) => candidate.id === cluster.id);
    expect(find(await cache.load(dataSource.manager, now))?.capacity.cpu.allocated).toBe(0);
    expect(find(await cache.load(dataSource.manager, now, true))?.capacity.cpu.allocated).toBe(1500);
  });

  it("adds what this process is about to commit on top at once, for the offer too", async () => {
    const { cluster } = await buildPlaceableCluster(dataSource);
    const cache = new CandidateSnapshot(dataSource, { minClusters: 1, maxStalenessMs: 60_000 });
    await cache.load(dataSource.manager, now);
    cache.reserve(
      [{ clusterId: cluster.id, cooperativeId: "another", reservation: { cpu: 700 } }],
      "guest",
      now,
    );
    const find = (loaded: Awaited<ReturnType<CandidateSnapshot["load"]>>) =>
      loaded?.candidates.find((candidate) => candidate.id === cluster.id);
    const reserved = find(await cache.load(dataSource.manager, now));
    expect(reserved?.capacity.cpu.allocated).toBe(700);
    expect(reserved?.offer?.usedByAlliance.cpu).toBe(700);
  });

  it("takes rows read under the reservation locks at once", async () => {
    const { cluster } = await buildPlaceableCluster(dataSource);
    const cache = new CandidateSnapshot(dataSource, { minClusters: 1, maxStalenessMs: 60_000 });
    await cache.load(dataSource.manager, now);
    const guest = await buildPerson(dataSource);
    const { cooperative } = await buildPlaceableCluster(dataSource);
    await buildPlacementWithWork(dataSource, {
      cooperative,
      createdById: guest.id,
      work: [{ cluster, replicas: 2 }],
    });
    // Not refreshed yet (a minute of staleness allowed): the cache still shows no reservation...
    const stale = (await cache.load(dataSource.manager, now))?.candidates.find((c) => c.id === cluster.id);
    expect(stale?.capacity.cpu.allocated).toBe(0);
    // ...until the locked re-check's rows come in (`loadCandidates` with ids hands them to the shared cache).
    const row = await dataSource.manager.findOneByOrFail(MemberClusterEntity, { id: cluster.id });
    const offer = await dataSource.manager.findOneBy(CapacityOfferEntity, {
      clusterId: cluster.id,
      supersededAt: IsNull(),
    });
    cache.absorb(
      [cluster.id],
      [{ cluster: row, offer: offer ?? undefined }],
      await liveReservations(dataSource.manager, [cluster.id]),
      now,
    );
    const absorbed = (await cache.load(dataSource.manager, now))?.candidates.find((c) => c.id === cluster.id);
    expect(absorbed?.capacity.cpu.allocated).toBe(1000);
  });
});
