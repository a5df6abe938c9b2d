import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HubDatabase, migrate, openDatabase } from "../server/db/data-source.js";
import { PlacementDecisionEntity } from "../server/modules/placement/model/placement-decision.entity.js";
import type { ClusterExplanation } from "../server/modules/placement/scheduler/schedule-result.js";
import { createTestDatabase } from "./support/test-database.js";

const legacy: ClusterExplanation[] = [
  {
    clusterId: randomUUID(),
    filtered: { filter: "residency", reason: "pays Côte d’Ivoire n’est pas dans EU" },
  },
  {
    clusterId: randomUUID(),
    scores: { freeCapacity: 90, fairShare: 10, balance: 0, keepExisting: 0, leaseLosses: 0, preferOwn: 0 },
    total: 100.5,
    chosenReplicas: 2,
  },
];
const packed: ClusterExplanation[] = [
  { clusterId: randomUUID(), filtered: { filter: "clusterFit", reason: "cluster has 0 cpu free" } },
];

const decisionRow = (id: string) => ({
  id,
  placementId: randomUUID(),
  decidedAt: new Date("2026-11-25T00:00:00Z"),
  outcome: "placed" as const,
  trigger: "initial" as const,
  requestedReplicas: 2,
  placeableReplicas: 2,
  fairShare: 1,
  weights: { freeCapacity: 1, fairShare: 1, balance: 1, keepExisting: 1, leaseLosses: 1, preferOwn: 1 },
});

describe("migration PackDecisionExplanations", () => {
  let database: HubDatabase;
  let drop: () => Promise<void>;
  const legacyId = randomUUID();
  const packedId = randomUUID();

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    database = await openDatabase(created.config);
    await migrate(database.dataSource);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const columnOf = async () =>
    (
      await database.dataSource.query(
        `SELECT format_type(atttypid, atttypmod) AS type, attstorage AS storage FROM pg_attribute
          WHERE attrelid = 'placement_decision'::regclass AND attname = 'explanation'`,
      )
    )[0];

  it("converts jsonb rows to bytes the entity still reads, and stores new rows packed and uncompressed", async () => {
    const { dataSource } = database;
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await columnOf()).toEqual({ type: "jsonb", storage: "x" });
    // Decisions without placements: only the explanation column is under test here.
    await dataSource.query(`ALTER TABLE placement_decision DISABLE TRIGGER ALL`);
    const row = decisionRow(legacyId);
    await dataSource.query(
      `INSERT INTO placement_decision (id, placement_id, decided_at, outcome, trigger, requested_replicas,
         placeable_replicas, fair_share, weights, explanation) VALUES ($1, $2, $3, $4, $5, 2, 2, 1, $6, $7)`,
      [row.id, row.placementId, row.decidedAt, row.outcome, row.trigger, row.weights, JSON.stringify(legacy)],
    );
    await migrate(dataSource);
    expect(await columnOf()).toEqual({ type: "bytea", storage: "e" });

    const read = await dataSource.manager.findOneByOrFail(PlacementDecisionEntity, { id: legacyId });
    expect(read.explanation).toEqual(legacy);
    await dataSource.manager.insert(PlacementDecisionEntity, {
      ...decisionRow(packedId),
      explanation: packed,
    });
    const [raw] = await dataSource.query(`SELECT explanation FROM placement_decision WHERE id = $1`, [
      packedId,
    ]);
    expect(Buffer.from(raw.explanation)[0]).toBe(0xf5);
    const again = await dataSource.manager.findOneByOrFail(PlacementDecisionEntity, { id: packedId });
    expect(again.explanation).toEqual(packed);
  });

  it("goes back to jsonb: legacy rows exactly, packed rows as an empty explanation", async () => {
    const { dataSource } = database;
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await columnOf()).toEqual({ type: "jsonb", storage: "x" });
    const rows: Array<{ id: string; explanation: unknown }> = await dataSource.query(
      `SELECT id, explanation FROM placement_decision WHERE id IN ($1, $2)`,
      [legacyId, packedId],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.explanation]))).toEqual({
      [legacyId]: legacy,
      [packedId]: [],
    });
    await migrate(dataSource);
    await dataSource.query(`DELETE FROM placement_decision`);
    await dataSource.query(`ALTER TABLE placement_decision ENABLE TRIGGER ALL`);
  });
});
