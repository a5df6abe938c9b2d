import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { type DatabaseConfig, loadConfig } from "../server/config.js";
import { startHub } from "../server/hub.js";
import { acceleratedAgentClock, eventually, TestAgent } from "./support/cluster-agent-harness.js";
import { buildJoinToken } from "./support/cluster-factories.js";
import { createTestDatabase } from "./support/test-database.js";
import { startTcpProxy } from "./support/tcp-proxy.js";
import { startTestHub } from "./support/test-hub.js";
import { HubClient } from "../agent/hub/hub-client.js";
import { openDatabase } from "../server/db/data-source.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { startChildHub } from "./support/child-hub.js";
import { simulatedReport } from "./support/cluster-operations.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** A database that outlives one hub: PostgreSQL beside DATABASE_URL, or a PGlite directory. */
async function durableDatabase(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  if (loadConfig().database.kind === "postgres") return createTestDatabase();
  const directory = mkdtempSync(join(tmpdir(), "hub-restart-"));
  return {
    config: { kind: "pglite", dataDir: directory },
    drop: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function storedObservations(
  dataSource: import("typeorm").DataSource,
  clusterId: string,
): Promise<Set<string>> {
  const rows: Array<{ observed_at: Date }> = await dataSource.query(
    "SELECT observed_at FROM cluster_status_sample WHERE cluster_id = $1 AND resolution = 'raw'",
    [clusterId],
  );
  return new Set(rows.map((row) => new Date(row.observed_at).toISOString()));
}

const uuidOf = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1];

/**
 * One agent reporting as fast as the hub answers, through the agent's own HubClient: it keeps the `observedAt` of
 * every report the hub acknowledged, and retries after any failure (the hub being killed, refusing connections).
 */
function reportingAgent(
  url: string,
  credential: string,
  clusterUid: string,
  report: Record<string, unknown>,
) {
  const client = new HubClient({ url: `${url}/graphql`, credential: () => credential, timeoutMs: 2000 });
  const acknowledged: string[] = [];
  let failures = 0;
  let running = true;
  let last = 0;
  const done = (async () => {
    while (running) {
      // Strictly increasing, so every report is newer than the last and must be applied.
      last = Math.max(last + 1, Date.now());
      const observedAt = new Date(last).toISOString();
      try {
        const answer = await client.reportStatus({ clusterUid, observedAt, report });
        if (answer.accepted) acknowledged.push(observedAt);
        await new Promise((resolve) => setTimeout(resolve, 20));
      } catch {
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  })();
  return {
    acknowledged,
    failures: () => failures,
    async stop() {
      running = false;
      await done;
    },
  };
}

describe("Faults", () => {
  it.runIf(loadConfig().database.kind === "postgres")(
    "loses no acknowledged report when the hub process is SIGKILLed under load from 12 agents",
    async () => {
      const database = await createTestDatabase();
      const url = database.config.kind === "postgres" ? database.config.url : "";
      const port = await freePort();
      let hub = await startChildHub(url, port);
      const opened = await openDatabase(database.config);
      const agents: Array<ReturnType<typeof reportingAgent> & { clusterId: string }> = [];
      try {
        const report = await simulatedReport(21, 6);
        for (let index = 0; index < 12; index += 1) {
          const { cluster, credential } = await buildRegisteredCluster(opened.dataSource);
          agents.push({
            ...reportingAgent(hub.url, credential, cluster.clusterUid, report),
            clusterId: cluster.id,
          });
        }
        const total = () => agents.reduce((sum, agent) => sum + agent.acknowledged.length, 0);
        await eventually(async () =>
          agents.every((agent) => agent.acknowledged.length >= 5) ? true : undefined,
        );
        await hub.kill();
        const beforeRestart = agents.map((agent) => agent.acknowledged.length);
        const acknowledgedBeforeKill = total();
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(agents.some((agent) => agent.failures() > 0)).toBe(true);
        hub = await startChildHub(url, port);
        // Every agent carries on against the restarted hub.
        await eventually(
          async () =>
            agents.every((agent, index) => agent.acknowledged.length >= beforeRestart[index] + 5)
              ? true
              : undefined,
          30_000,
        );
        await Promise.all(agents.map((agent) => agent.stop()));
        expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(60);
        for (const agent of agents) {
          const stored = await storedObservations(opened.dataSource, agent.clusterId);
          expect(agent.acknowledged.filter((observedAt) => !stored.has(observedAt))).toEqual([]);
        }
      } finally {
        await Promise.all(agents.map((agent) => agent.stop()));
        await hub.stop(2000);
        await opened.close();
        await database.drop();
      }
    },
    90_000,
  );

  it("loses no acknowledged report when the hub restarts while an agent reports", async () => {
    const database = await durableDatabase();
    const clock = new ManualClock(new Date());
    const port = String(await freePort());
    const env = { PORT: port };
    let hub = await startTestHub({ clock, database: database.config, env });
    const agent = new TestAgent(hub.url, acceleratedAgentClock(clock, 200), 31, 10);
    try {
      const { secret } = await buildJoinToken(hub.database.dataSource, { now: clock.now() });
      const state = await agent.join(secret);
      const stopped = agent.start();
      await eventually(async () => (agent.acknowledgedReports.length >= 3 ? true : undefined));
      await hub.stop();
      const beforeRestart = agent.acknowledgedReports.length;
      hub = await startTestHub({ clock, database: database.config, env });
      await eventually(
        async () => (agent.acknowledgedReports.length >= beforeRestart + 3 ? true : undefined),
        20_000,
      );
      await agent.stop();
      expect(await Promise.race([stopped, "running"])).toEqual({ reason: "aborted" });
      const stored = await storedObservations(hub.database.dataSource, uuidOf(state.clusterId));
      const lost = agent.acknowledgedReports.filter((observedAt) => !stored.has(observedAt));
      expect(lost).toEqual([]);
    } finally {
      await agent.stop();
      agent.cleanUp();
      await hub.stop();
      await database.drop();
    }
  });

  it.runIf(loadConfig().database.kind === "postgres")(
    "recovers hub and agent without a restart when the database goes away and comes back",
    async () => {
      const database = await createTestDatabase();
      const target = new URL(database.config.kind === "postgres" ? database.config.url : "");
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const proxied = new URL(target);
      proxied.port = String(proxy.port);
      const clock = new ManualClock(new Date());
      const hub = await startHub(
        {
          ...loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" }),
          database: { kind: "postgres", url: proxied.toString(), poolSize: 3 },
        },
        { clock, logger: pino({ level: "silent" }) },
      );
      const agent = new TestAgent(hub.url, acceleratedAgentClock(clock, 200), 32, 6);
      try {
        const { secret } = await buildJoinToken(hub.database.dataSource, { now: clock.now() });
        const state = await agent.join(secret);
        const stopped = agent.start();
        await eventually(async () => (agent.acknowledgedReports.length >= 2 ? true : undefined));
        proxy.cut();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const duringOutage = agent.acknowledgedReports.length;
        proxy.restore();
        await eventually(
          async () => (agent.acknowledgedReports.length >= duringOutage + 2 ? true : undefined),
          20_000,
        );
        expect(await Promise.race([stopped, "running"])).toBe("running");
        // The agent noticed the outage and told the hub afterwards, from its own queue.
        const types = await eventually(async () => {
          const rows: Array<{ type: string }> = await hub.database.dataSource.query(
            "SELECT type FROM cluster_event WHERE source = 'agent' AND cluster_id = $1",
            [uuidOf(state.clusterId)],
          );
          const seen = rows.map((row) => row.type);
          return seen.includes("HubReachable") ? seen : undefined;
        }, 20_000);
        expect(types).toEqual(expect.arrayContaining(["HubUnreachable", "HubReachable"]));
      } finally {
        await agent.stop();
        agent.cleanUp();
        await hub.close(500);
        await proxy.close();
        await database.drop();
      }
    },
  );
});
