import { loadavg } from "node:os";
import { openDatabase } from "../server/db/data-source.js";
import { loadBenchEnvironment, scenarioSelected } from "./support/bench-environment.js";
import type { ChildServer } from "./support/child-server.js";
import { fleetCandidates } from "./support/placement-candidates.js";
import { checkOvercommit, type OvercommitCheck } from "./support/placement-overcommit.js";
import {
  CREATE,
  type DecisionRun,
  PREVIEW,
  placementInput,
  runDecisions,
  sendDecision,
} from "./support/placement-http.js";
import { measurePureSchedule, type PureScheduleFigures } from "./support/placement-pure.js";
import { seedPlacementFleet } from "./support/placement-seed.js";
import { writeResultsFile } from "./support/results-file.js";
import { startBaselineServer, startBenchHub } from "./support/servers.js";

/**
 * Placement benchmark (issue 4): decisions with 1,000, 10,000 and 20,000 registered clusters. Per fleet size: the
 * pure `schedule()` in this process, then `previewPlacement` and `createPlacement` over HTTP from a few
 * closed-loop clients (small requests, so capacity lasts; one client alone for the latency without queueing), then a scarce phase (Iceland's capped CPUs), then the
 * over-commit check in SQL. A bare Apollo Server answers `{ hello }` to the same clients before and after.
 * Targets: p99 under 20 ms at 20,000 clusters, 200 decisions/s, zero over-commit.
 */
const SIZES = [1_000, 10_000, 20_000];
/** Little's law: 200 decisions/s within 20 ms is 4 in flight. */
const CLIENTS = 4;
const BUSY_CLIENTS = 16;
const TARGET_P99_MS = 20;
const TARGET_RATE = 200;
const PURE_RUNS = 100;

const environment = loadBenchEnvironment();
const timing = { seconds: environment.seconds, warmupSeconds: environment.warmupSeconds };
const startedAt = new Date();
const sizes = SIZES.filter((size) => scenarioSelected(environment, `${size} clusters`));
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
console.log(
  `placement: ${sizes.join(", ")} clusters, ${CLIENTS} and ${BUSY_CLIENTS} clients, database ${environment.databaseUrl ? "PostgreSQL" : "PGlite"}, load average ${load()}`,
);

interface SizeResult {
  clusters: number;
  seedSeconds: number;
  sqlSeconds: number;
  pure: PureScheduleFigures[];
  runs: DecisionRun[];
  overcommit?: OvercommitCheck;
  loadAverage: string;
}

const baselineRuns: DecisionRun[] = [];
const results: SizeResult[] = [];
let databaseKind = "pglite";

const print = (run: DecisionRun) =>
  console.log(
    `  ${run.scenario.padEnd(44)} ${run.decisionsPerSecond.toFixed(0).padStart(5)}/s  p50 ${run.p50Ms.toFixed(1).padStart(6)}  p99 ${run.p99Ms.toFixed(1).padStart(7)} ms  cpu ${run.serverCpuMsPerDecision?.toFixed(2) ?? "?"} ms  placed ${run.outcomes.placed} no-capacity ${run.outcomes.no_capacity} errors ${run.outcomes.error}${run.firstError ? ` (${run.firstError.slice(0, 200)})` : ""}`,
  );

async function measureBaseline(baseline: ChildServer, label: string) {
  const run = await runDecisions(
    `bare Apollo Server (${label})`,
    { clients: CLIENTS, ...timing, serverPid: baseline.pid },
    async () => {
      const response = await fetch(`${baseline.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ hello }" }),
      });
      await response.json();
      return { outcome: response.ok ? "placed" : "error" };
    },
  );
  print(run);
  baselineRuns.push(run);
}

async function measureSize(clusters: number): Promise<SizeResult> {
  const seedStarted = performance.now();
  const hub = await startBenchHub(environment, {
    seed: (dataSource) => seedPlacementFleet(dataSource, clusters),
    hubEnv: { RATE_LIMIT_MUTATIONS_PER_MINUTE: "10000000" },
  });
  databaseKind = hub.databaseKind;
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const { requesters, reports, sqlMs } = hub.extra;
  console.log(
    `\n${clusters} clusters: seeded and hub up after ${seedSeconds.toFixed(1)} s (bulk SQL ${(sqlMs / 1000).toFixed(1)} s)`,
  );
  try {
    const pure = measurePureSchedule(fleetCandidates(clusters, reports), "coop-0", PURE_RUNS);
    for (const figures of pure)
      console.log(
        `  pure schedule(), ${figures.shape.padEnd(10)} p50 ${figures.p50Ms.toFixed(1)} ms  p99 ${figures.p99Ms.toFixed(1)} ms  cpu ${figures.cpuMsPerDecision.toFixed(1)} ms  ok ${figures.ok}/${figures.runs}`,
      );
    const requester = (sequence: number) => requesters[sequence % requesters.length];
    const preview = (shape: "small" | "scarce") => (sequence: number) => {
      const { cooperativeId, token } = requester(sequence);
      return sendDecision(hub.url, token, PREVIEW, {
        request: placementInput(shape, cooperativeId, `p${sequence}`),
      });
    };
    const create = (shape: "small" | "scarce", prefix: string) => (sequence: number) => {
      const { cooperativeId, token } = requester(sequence);
      const request = placementInput(shape, cooperativeId, `${prefix}${sequence}`);
      return sendDecision(hub.url, token, CREATE, { input: { request } });
    };
    // Checked first: a broken request must not turn into a fast benchmark of errors.
    for (const check of [preview("small"), create("small", "check")]) {
      const first = await check(0);
      if (first.outcome !== "placed")
        throw new Error(`first decision: ${first.outcome} ${first.error ?? ""}`);
    }
    const runs: DecisionRun[] = [];
    // The scarce phase has no warm-up: its few CPUs would be gone before the measured seconds start.
    type Send = (sequence: number) => ReturnType<typeof sendDecision>;
    const scenarios: Array<[string, number, Send, number]> = [
      ["previewPlacement", 1, preview("small"), timing.warmupSeconds],
      ["previewPlacement", CLIENTS, preview("small"), timing.warmupSeconds],
      ["createPlacement", CLIENTS, create("small", "a"), timing.warmupSeconds],
      ["createPlacement", BUSY_CLIENTS, create("small", "b"), timing.warmupSeconds],
      ["createPlacement, scarce (IS)", BUSY_CLIENTS, create("scarce", "s"), 0],
    ];
    for (const [name, clients, send, warmupSeconds] of scenarios) {
      const options = { clients, seconds: timing.seconds, warmupSeconds, serverPid: hub.pid };
      const run = await runDecisions(`${name}, ${clients} clients`, options, send);
      print(run);
      runs.push(run);
    }
    let overcommit: OvercommitCheck | undefined;
    if (hub.databaseKind === "postgres") {
      const database = await openDatabase(hub.databaseConfig);
      try {
        overcommit = await checkOvercommit(database.dataSource);
      } finally {
        await database.close();
      }
      console.log(
        `  over-commit: ${overcommit.overCap} over a cap, ${overcommit.overShare} over a share, ${overcommit.overFree} over free capacity (${overcommit.liveWork} live work rows on ${overcommit.clustersWithWork} clusters)`,
      );
    } else console.log("  over-commit check skipped: PGlite is one process and the hub holds it");
    return { clusters, seedSeconds, sqlSeconds: sqlMs / 1000, pure, runs, overcommit, loadAverage: load() };
  } finally {
    await hub.stop();
  }
}

const baseline = await startBaselineServer();
try {
  await measureBaseline(baseline, "before");
  for (const size of sizes) results.push(await measureSize(size));
  await measureBaseline(baseline, "after");
} finally {
  await baseline.stop();
}

const baselineRate = baselineRuns.reduce((sum, run) => sum + run.decisionsPerSecond, 0) / baselineRuns.length;
const verdict = (met: boolean) => (met ? "meets" : "MISSES");
console.log(`\nbaseline (mean of before and after): ${baselineRate.toFixed(0)} req/s at ${CLIENTS} clients`);
for (const result of results) {
  const [, , create, busy, scarce] = result.runs;
  const pureDivided = result.pure.find((figures) => figures.shape === "divided");
  console.log(
    `${result.clusters} clusters (load ${result.loadAverage}): createPlacement ${create.decisionsPerSecond.toFixed(0)}/s p99 ${create.p99Ms.toFixed(1)} ms (${((create.decisionsPerSecond / baselineRate) * 100).toFixed(1)}% of baseline); ${BUSY_CLIENTS} clients ${busy.decisionsPerSecond.toFixed(0)}/s; pure schedule p50 ${pureDivided?.p50Ms.toFixed(1)} ms = ${(((pureDivided?.p50Ms ?? 0) / create.p50Ms) * 100).toFixed(0)}% of a decision's p50`,
  );
  if (result.clusters === 20_000) {
    console.log(
      `  ${verdict(create.p99Ms < TARGET_P99_MS)} p99 < ${TARGET_P99_MS} ms: ${create.p99Ms.toFixed(1)} ms`,
    );
    const best = Math.max(create.decisionsPerSecond, busy.decisionsPerSecond);
    console.log(`  ${verdict(best >= TARGET_RATE)} ${TARGET_RATE} decisions/s: ${best.toFixed(0)}/s`);
  }
  if (result.overcommit) {
    const total = result.overcommit.overCap + result.overcommit.overShare + result.overcommit.overFree;
    console.log(
      `  ${verdict(total === 0)} zero over-commit: ${total} (after ${scarce.outcomes.placed} scarce placements)`,
    );
  }
}

const file = await writeResultsFile("placement", databaseKind, startedAt, {
  settings: { ...timing, clients: CLIENTS, busyClients: BUSY_CLIENTS, sizes },
  targets: { p99Ms: TARGET_P99_MS, decisionsPerSecond: TARGET_RATE, overcommit: 0 },
  loadAverageAtEnd: load(),
  baseline: baselineRuns,
  results,
});
console.log(`results written to ${file}`);
