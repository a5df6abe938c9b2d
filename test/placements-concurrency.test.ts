import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import type { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import {
  PLACEMENT_QUEUE_LOCK,
  PlacementQueueRunner,
} from "../server/modules/placement/commands/queue-runner.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { startChildHub } from "./support/child-hub.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { graphql } from "./support/graphql-client.js";
import { buildPlaceableCluster, keepPlaceable, type PlaceableCluster } from "./support/placeable-cluster.js";
import { expectNoOverCommit, expectWholePlacements } from "./support/placement-invariants.js";
import { CREATE_PLACEMENT, placementRequest } from "./support/placement-operations.js";
import { createTestDatabase } from "./support/test-database.js";
import { startTestHub } from "./support/test-hub.js";

const UNLIMITED = { RATE_LIMIT_MUTATIONS_PER_MINUTE: "1000000" };
const onPostgres = loadConfig().database.kind === "postgres";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/**
 * Scarce capacity with every kind of limit: a cap below the free capacity, a 50 % share, and a cluster limited
 * by its free capacity only — about 15 replicas of 500 millicores in all.
 */
async function scarcePool(dataSource: DataSource): Promise<PlaceableCluster[]> {
  return [
    await buildPlaceableCluster(dataSource, { cpus: 4, offer: { caps: { cpu: 3000 } } }),
    await buildPlaceableCluster(dataSource, { cpus: 6, allocatedCpus: 1, offer: { freeSharePercent: 50 } }),
    await buildPlaceableCluster(dataSource, { cpus: 2 }),
  ];
}

async function requester(dataSource: DataSource): Promise<{ cooperative: Cooperative; token: string }> {
  const admin = await buildPerson(dataSource);
  const cooperative = await buildCooperative(dataSource, { admins: [admin] });
  return { cooperative, token: await buildApiToken(dataSource, admin) };
}

/** One createPlacement of 1–3 replicas of 500 millicores; its answer's status or error code. */
async function place(url: string, token: string, cooperative: Cooperative, index: number, key?: string) {
  const request = placementRequest(toGlobalId("Cooperative", cooperative.id), {
    replicas: 1 + (index % 3),
    resources: [
      { resource: "cpu", amount: 500 },
      { resource: "memory", amount: 256 * 1024 ** 2 },
    ],
  });
  const result = await graphql<{ createPlacement: { placement: { id: string; status: string } } }>(
    url,
    CREATE_PLACEMENT,
    { input: { request, ...(key ? { idempotencyKey: key } : {}) } },
    { token },
  );
  return result.data?.createPlacement?.placement.status ?? String(result.errors?.[0]?.extensions?.code);
}

const tally = (outcomes: string[]) =>
  outcomes.reduce<Record<string, number>>((counts, outcome) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }, {});

describe("Placement concurrency", () => {
  it("never reserves more than a cluster or an offer has under 300 parallel requests", {
    timeout: 180_000,
  }, async () => {
    const hub = await startTestHub({ env: UNLIMITED });
    const dataSource = hub.database.dataSource;
    const clusters = await scarcePool(dataSource);
    const stopBeating = keepPlaceable(dataSource, clusters);
    try {
      const { cooperative, token } = await requester(dataSource);
      const outcomes = await Promise.all(
        Array.from({ length: 300 }, (_, index) => place(hub.url, token, cooperative, index)),
      );
      const counts = tally(outcomes);
      // Every answer is a decision: placed, or NO_CAPACITY with nothing reserved. Never an internal error.
      expect(Object.keys(counts).sort()).toEqual(["NO_CAPACITY", "PLACED"]);
      const reserved = await expectNoOverCommit(dataSource);
      const { placed } = await expectWholePlacements(dataSource);
      expect(placed).toBe(counts.PLACED);
      // The capacity was used, not just refused: 3 + 2.5 + 2 CPUs offered, 500 millicores per replica.
      const cpu = Object.values(reserved).reduce((sum, amounts) => sum + (amounts.cpu ?? 0), 0);
      expect(cpu).toBe(7500);
    } finally {
      await stopBeating();
      await hub.stop();
    }
  });

  it("places once for 20 parallel requests with one idempotency key", { timeout: 120_000 }, async () => {
    const hub = await startTestHub({ env: UNLIMITED });
    const dataSource = hub.database.dataSource;
    await buildPlaceableCluster(dataSource, { cpus: 8 });
    try {
      const { cooperative, token } = await requester(dataSource);
      const key = randomUUID();
      const request = placementRequest(toGlobalId("Cooperative", cooperative.id), { replicas: 2 });
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          graphql<{ createPlacement: { placement: { id: string } } }>(
            hub.url,
            CREATE_PLACEMENT,
            { input: { request, idempotencyKey: key } },
            { token },
          ),
        ),
      );
      const ids = new Set(results.map((result) => result.data?.createPlacement.placement.id ?? "error"));
      expect([...ids]).toHaveLength(1);
      expect(ids.has("error")).toBe(false);
      const [{ count }] = await dataSource.query("SELECT count(*) AS count FROM placement");
      expect(Number(count)).toBe(1);
      await expectWholePlacements(dataSource);
    } finally {
      await hub.stop();
    }
  });

  it.runIf(onPostgres)("runs one queue pass at a time across processes (advisory lock)", async () => {
    const hub = await startTestHub();
    const dataSource = hub.database.dataSource;
    const holder = dataSource.createQueryRunner();
    try {
      await holder.connect();
      await holder.startTransaction();
      // Another process's runner in the middle of a pass.
      await holder.query("SELECT pg_advisory_xact_lock($1)", [PLACEMENT_QUEUE_LOCK]);
      const runner = new PlacementQueueRunner({ dataSource, clock: systemClock, logger: hub.logger });
      expect(await runner.runOnce()).toEqual({ ran: false, examined: 0, placed: 0 });
      await holder.rollbackTransaction();
      // The hub's own runner may hold the lock for a moment too.
      await expect.poll(async () => (await runner.runOnce()).ran, { timeout: 10_000 }).toBe(true);
    } finally {
      await holder.release();
      await hub.stop();
    }
  });

  it.runIf(onPostgres)(
    "never over-reserves with two hub processes placing on one PostgreSQL database",
    { timeout: 180_000 },
    async () => {
      const database = await createTestDatabase();
      const hub = await startTestHub({ env: UNLIMITED, database: database.config });
      const child = await startChildHub(
        database.config.kind === "postgres" ? database.config.url : "",
        await freePort(),
      );
      const dataSource = hub.database.dataSource;
      const clusters = await scarcePool(dataSource);
      const stopBeating = keepPlaceable(dataSource, clusters);
      try {
        const { cooperative, token } = await requester(dataSource);
        const outcomes = await Promise.all(
          Array.from({ length: 300 }, (_, index) =>
            place(index % 2 === 0 ? hub.url : child.url, token, cooperative, index),
          ),
        );
        const counts = tally(outcomes);
        expect(Object.keys(counts).sort()).toEqual(["NO_CAPACITY", "PLACED"]);
        const reserved = await expectNoOverCommit(dataSource);
        expect((await expectWholePlacements(dataSource)).placed).toBe(counts.PLACED);
        const cpu = Object.values(reserved).reduce((sum, amounts) => sum + (amounts.cpu ?? 0), 0);
        expect(cpu).toBe(7500);
      } finally {
        await stopBeating();
        await child.stop(1000);
        await hub.stop();
        await database.drop();
      }
    },
  );

  it.runIf(onPostgres)(
    "loses and doubles no reservation when the hub is SIGKILLed while placing (clients retry with their keys)",
    { timeout: 180_000 },
    async () => {
      const database = await createTestDatabase();
      const url = database.config.kind === "postgres" ? database.config.url : "";
      // A hub in this process only for its data source and migrations; the placing is done by the child.
      const helper = await startTestHub({ env: UNLIMITED, database: database.config });
      const dataSource = helper.database.dataSource;
      const port = await freePort();
      let child = await startChildHub(url, port);
      const clusters = await scarcePool(dataSource);
      const stopBeating = keepPlaceable(dataSource, clusters);
      try {
        const { cooperative, token } = await requester(dataSource);
        const answers = new Map<string, string>();
        let failures = 0;
        const client = async (index: number) => {
          const key = randomUUID();
          for (;;) {
            const outcome = await place(`http://127.0.0.1:${port}`, token, cooperative, index, key).catch(
              () => "DOWN",
            );
            if (outcome === "PLACED" || outcome === "NO_CAPACITY" || outcome === "FAILED") {
              answers.set(key, outcome);
              return;
            }
            failures++;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        };
        const clients = Promise.all(Array.from({ length: 60 }, (_, index) => client(index)));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await child.kill();
        await new Promise((resolve) => setTimeout(resolve, 300));
        child = await startChildHub(url, port);
        await clients;
        expect(failures).toBeGreaterThan(0);
        expect(answers.size).toBe(60);
        // One placement per key, each holding exactly its replicas or nothing, and no cluster over-committed.
        const [{ count }] = await dataSource.query(
          "SELECT count(*) AS count FROM placement WHERE cooperative_id = $1",
          [cooperative.id],
        );
        expect(Number(count)).toBe(60);
        await expectWholePlacements(dataSource);
        const reserved = await expectNoOverCommit(dataSource);
        const cpu = Object.values(reserved).reduce((sum, amounts) => sum + (amounts.cpu ?? 0), 0);
        expect(cpu).toBe(7500);
      } finally {
        await stopBeating();
        await child.stop(1000);
        await helper.stop();
        await database.drop();
      }
    },
  );
});
