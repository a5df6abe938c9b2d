import { loadavg } from "node:os";
import { systemClock } from "../server/clock.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import { loadBenchEnvironment } from "./support/bench-environment.js";
import type { ChildServer } from "./support/child-server.js";
import { type DetailedScenarioResult, formatDetailedTable } from "./support/detailed-report.js";
import { expectGraphqlSuccess } from "./support/graphql-load.js";
import { graphqlTarget, runHttpLoad } from "./support/http-load.js";
import {
  baselineRequestsPerSecond,
  formatMilliseconds,
  formatPercent,
  throughputRatio,
} from "./support/report.js";
import { writeResultsFile } from "./support/results-file.js";
import { type BenchHub, startBaselineServer, startBenchHub } from "./support/servers.js";

/**
 * Manuals benchmark (issue 6): `content:sync` of the whole manual on a cold database (target under 5 s), then a
 * page read (stored HTML and table of contents, as the web app asks for it) under load next to a bare Apollo
 * Server in the same run (target: p95 under 20 ms, the exact p95 over every response time of the measured run).
 */
const SYNC_TARGET_MS = 5_000;
const P95_TARGET_MS = 20;

const PAGE_QUERY = `query Page { manual(slug: "cooby-stack") { release(name: "2026.11") {
  page(path: "load-balancing-metallb/layer2") { title html toc { level id text } } } } }`;

const environment = loadBenchEnvironment();
const load = {
  connections: environment.connections,
  seconds: environment.seconds,
  warmupSeconds: environment.warmupSeconds,
};
const startedAt = new Date();
const loadAverageBefore = loadavg();
let syncMs = 0;
let summary = "";
const results: DetailedScenarioResult[] = [];
let hub: BenchHub<{ syncMs: number; summary: string }> | undefined;
let baseline: ChildServer | undefined;

async function measure(scenario: string, server: ChildServer, query: string, isBaseline = false) {
  await expectGraphqlSuccess({ url: server.url, query });
  process.stdout.write(`  ${scenario}: ${load.warmupSeconds}s warm-up + ${load.seconds}s...`);
  const result = await runHttpLoad(graphqlTarget(server.url, query), { ...load, serverPid: server.pid });
  process.stdout.write(
    ` ${Math.round(result.requestsPerSecond)} req/s, p95 ${formatMilliseconds(result.latencyP95)} ms\n`,
  );
  results.push({ scenario, baseline: isBaseline, load: result });
}

try {
  // The hub's own start-up sync is off; the benchmark syncs the migrated, otherwise empty database itself to time it.
  hub = await startBenchHub(environment, {
    seed: async (dataSource) => {
      const started = performance.now();
      const result = await manualContentSyncer.sync({
        dataSource,
        contentDirectory: CONTENT_DIRECTORY,
        clock: systemClock,
        logger: createLogger("silent"),
      });
      return { syncMs: performance.now() - started, summary: result.summary };
    },
  });
  ({ syncMs, summary } = hub.extra);
  console.log(
    `manuals: ${load.connections} connections; content sync on a cold ${hub.databaseKind} database: ${Math.round(syncMs)} ms (${summary})`,
  );
  baseline = await startBaselineServer();
  await measure("bare Apollo Server (before)", baseline, "{ hello }", true);
  await measure("manual page read (anonymous)", hub, PAGE_QUERY);
  await measure("bare Apollo Server (after)", baseline, "{ hello }", true);
} finally {
  await baseline?.stop();
  await hub?.stop();
}

const loadAverageAfter = loadavg();
console.log(`\n${formatDetailedTable(results)}\n`);
const page = results.find((result) => !result.baseline);
const baselineRate = baselineRequestsPerSecond(results);
console.log(
  `${syncMs < SYNC_TARGET_MS ? "meets" : "MISSES"} the sync target of ${SYNC_TARGET_MS} ms: ${Math.round(syncMs)} ms`,
);
if (page) {
  console.log(
    `${page.load.latencyP95 < P95_TARGET_MS ? "meets" : "MISSES"} the page p95 target of ${P95_TARGET_MS} ms: p95 ${formatMilliseconds(page.load.latencyP95)} ms (${formatPercent(throughputRatio(page.load.requestsPerSecond, baselineRate))} of the baseline's req/s)`,
  );
}
console.log(
  `load average (1/5/15 min): before ${loadAverageBefore.map((value) => value.toFixed(2)).join(" ")}, after ${loadAverageAfter.map((value) => value.toFixed(2)).join(" ")}`,
);
const file = await writeResultsFile("manuals", hub?.databaseKind ?? "unknown", startedAt, {
  settings: { ...load, hubLogLevel: environment.hubLogLevel },
  loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
  contentSync: { milliseconds: Math.round(syncMs), summary, targetMs: SYNC_TARGET_MS },
  targetP95Ms: P95_TARGET_MS,
  results: results.map((result) => ({
    ...result,
    ratio: throughputRatio(result.load.requestsPerSecond, baselineRate),
  })),
});
console.log(`results written to ${file}`);
