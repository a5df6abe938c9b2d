import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { childBaseEnvironment, loadBenchEnvironment } from "./support/bench-environment.js";
import { type ChildServer, startChildServer } from "./support/child-server.js";
import { expectGraphqlSuccess, type GraphqlRequest, runGraphqlLoad } from "./support/graphql-load.js";
import {
  baselineRequestsPerSecond,
  formatPercent,
  formatResultsTable,
  resultsFileName,
  type ScenarioResult,
  throughputRatio,
} from "./support/report.js";
import { findFreePort } from "./support/free-port.js";
import { REPOSITORY_ROOT, startBaselineServer, startBenchHub } from "./support/servers.js";

/**
 * Foundation benchmark (issue 2): the hub's two everyday reads under load, against a bare Apollo Server answering
 * a constant in the same run. Target: each at least 60% of the baseline's requests per second. A third hub
 * scenario, `{ __typename }`, shows the hub's fixed cost per request apart from data access.
 */
const TARGET_RATIO = 0.6;
const SQL_BASELINE_SCENARIO = "bare Apollo + pg, same directory SQL";

/** The SQL baseline (`support/sql-baseline-server.ts`) on the hub's throwaway database. */
async function startSqlBaselineServer(databaseUrl: string): Promise<ChildServer> {
  const port = await findFreePort();
  return startChildServer({
    script: "bench/support/sql-baseline-server.ts",
    args: [String(port), databaseUrl],
    cwd: REPOSITORY_ROOT,
    url: `http://127.0.0.1:${port}`,
    readyPath: "/healthz",
    env: { ...childBaseEnvironment(), NODE_ENV: "development" },
  });
}

const VIEWER_QUERY = `query Viewer {
  viewer {
    person { handle }
    memberships(first: 10) { edges { node { role cooperative { name slug memberCount } } } }
  }
}`;

const DIRECTORY_QUERY = `query Directory {
  cooperatives(first: 20) { totalCount edges { node { slug name country tier memberCount } } }
}`;

const environment = loadBenchEnvironment();
const load = {
  connections: environment.connections,
  seconds: environment.seconds,
  warmupSeconds: environment.warmupSeconds,
};

async function measure(
  scenario: string,
  server: ChildServer,
  request: Omit<GraphqlRequest, "url">,
  baseline = false,
): Promise<ScenarioResult> {
  await expectGraphqlSuccess({ ...request, url: server.url });
  process.stdout.write(`  ${scenario}: ${load.warmupSeconds}s warm-up + ${load.seconds}s...`);
  const result = await runGraphqlLoad({ ...request, url: server.url }, { ...load, serverPid: server.pid });
  process.stdout.write(` ${Math.round(result.requestsPerSecond)} req/s\n`);
  return { scenario, baseline, load: result };
}

const startedAt = new Date();
console.log(
  `foundation: ${environment.connections} connections, database ${environment.databaseUrl ? "PostgreSQL" : "PGlite"}`,
);
// Both servers stay up for the whole run (the idle one costs nothing); the baseline is measured before and after
// the hub's scenarios and the ratios use the mean, so a machine whose load drifts skews them less.
const hub = await startBenchHub(environment);
let baseline: ChildServer | undefined;
let sqlBaseline: ChildServer | undefined;
const results: ScenarioResult[] = [];
try {
  baseline = await startBaselineServer();
  const bare = { query: "{ hello }" };
  const viewer = await expectGraphqlSuccess({ url: hub.url, query: VIEWER_QUERY, token: hub.seed.token });
  if (!JSON.stringify(viewer).includes("bench-viewer"))
    throw new Error("the token does not resolve to the viewer");
  results.push(await measure("bare Apollo Server (before)", baseline, bare, true));
  results.push(await measure("viewer (Bearer token)", hub, { query: VIEWER_QUERY, token: hub.seed.token }));
  results.push(await measure("cooperative directory (anonymous)", hub, { query: DIRECTORY_QUERY }));
  // Not in the issue: the same hub answering without touching the database, to tell its fixed cost per request
  // (middleware, Apollo plugins) from the cost of data access.
  results.push(await measure("hub floor: { __typename } (anonymous)", hub, { query: "{ __typename }" }));
  if (hub.databaseUrl) {
    // Not in the issue: bare Apollo + pg running the hub's directory SQL, to separate the database's share of the
    // cost from the hub's own machinery (PostgreSQL runs only: PGlite allows one process per database).
    sqlBaseline = await startSqlBaselineServer(hub.databaseUrl);
    results.push(await measure(SQL_BASELINE_SCENARIO, sqlBaseline, { query: DIRECTORY_QUERY }));
  }
  results.push(await measure("bare Apollo Server (after)", baseline, bare, true));
} finally {
  await baseline?.stop();
  await sqlBaseline?.stop();
  await hub.stop();
}

console.log(`\n${formatResultsTable(results)}\n`);
const baselineRate = baselineRequestsPerSecond(results);
for (const result of results.filter(
  (candidate) =>
    !candidate.baseline &&
    !candidate.scenario.startsWith("hub floor") &&
    candidate.scenario !== SQL_BASELINE_SCENARIO,
)) {
  const ratio = throughputRatio(result.load.requestsPerSecond, baselineRate);
  console.log(
    `${ratio >= TARGET_RATIO ? "meets" : "MISSES"} the ${formatPercent(TARGET_RATIO)} target: ${result.scenario} (${formatPercent(ratio)})`,
  );
}

const sqlBaselineResult = results.find((result) => result.scenario === SQL_BASELINE_SCENARIO);
const hubDirectory = results.find((result) => result.scenario === "cooperative directory (anonymous)");
if (sqlBaselineResult && hubDirectory) {
  const ratio = throughputRatio(
    hubDirectory.load.requestsPerSecond,
    sqlBaselineResult.load.requestsPerSecond,
  );
  console.log(`cooperative directory vs bare Apollo + pg running the same SQL: ${formatPercent(ratio)}`);
}

const resultsDirectory = fileURLToPath(new URL("./results/", import.meta.url));
await mkdir(resultsDirectory, { recursive: true });
const file = `${resultsDirectory}${resultsFileName(startedAt, `foundation-${hub.databaseKind}`)}`;
await writeFile(
  file,
  `${JSON.stringify(
    {
      benchmark: "foundation",
      startedAt: startedAt.toISOString(),
      database: hub.databaseKind,
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      settings: { ...load, hubLogLevel: environment.hubLogLevel },
      seed: { cooperatives: hub.seed.cooperativeCount, viewerMemberships: hub.seed.membershipsOfViewer },
      targetRatio: TARGET_RATIO,
      results: results.map((result) => ({
        ...result,
        ratio: throughputRatio(result.load.requestsPerSecond, baselineRate),
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(`results written to ${file}`);
