import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { CATALOG_QUERY, catalogVariables } from "../web/src/components/blueprint-catalog-query.js";
import { BLUEPRINT_PAGE_QUERY } from "../web/src/components/blueprint-types.js";
import { loadBlueprintFolderOrThrow } from "../server/modules/blueprints/format/load-folder.js";
import { readBlueprintFolder } from "../server/modules/blueprints/format/read-folder.js";
import { renderBlueprint } from "../server/modules/blueprints/rendering/render-blueprint.js";
import { childBaseEnvironment, loadBenchEnvironment } from "./support/bench-environment.js";
import { type ChildServer, startChildServer } from "./support/child-server.js";
import { type DetailedScenarioResult, formatDetailedTable } from "./support/detailed-report.js";
import { findFreePort } from "./support/free-port.js";
import { expectGraphqlSuccess } from "./support/graphql-load.js";
import { graphqlTarget, type LoadTarget, runHttpLoad } from "./support/http-load.js";
import { mean, percentile } from "./support/percentile.js";
import { baselineRequestsPerSecond, formatPercent, throughputRatio } from "./support/report.js";
import { writeResultsFile } from "./support/results-file.js";
import { seedCharts } from "./support/seed-charts.js";
import { REPOSITORY_ROOT, startBaselineServer, startBenchHub } from "./support/servers.js";

/**
 * Blueprints benchmark (issue 7): the Helm repository's `index.yaml` at 50 connections with the real blueprints
 * plus 1,000 synthetic chart versions, plain and gzip (target: p99 under 20 ms), a chart download's throughput as
 * a share of `express.static` serving the same bytes, the in-process render time of kubeadm-ha-baremetal, and the
 * GraphQL operations the catalog page and a blueprint page send (imported from the web app), at 50 connections.
 */
const CONNECTIONS = 50;
const SYNTHETIC = { names: 20, versionsPerName: 50 };
const CHART_FILE = "metallb-l2-1.1.0.tgz";
const RENDER_WARMUP = 20;
const RENDER_ITERATIONS = 500;
/** The catalog's first page with no filter, as `/blueprints` opens it. */
const CATALOG_VARIABLES = catalogVariables(
  { q: "", category: "", kind: "", publisher: "", verified: "", sort: "" },
  null,
);
/** `/blueprints/kubeadm-ha-baremetal`: the latest version in detail (README, schema, install commands…). */
const PAGE_VARIABLES = { name: "kubeadm-ha-baremetal", version: "", latest: true };

const environment = loadBenchEnvironment();
const load = {
  connections: CONNECTIONS,
  seconds: environment.seconds,
  warmupSeconds: environment.warmupSeconds,
};
const startedAt = new Date();
console.log(
  `blueprints: ${CONNECTIONS} connections, database ${environment.databaseUrl ? "PostgreSQL" : "PGlite"}`,
);

/** Renders kubeadm-ha-baremetal with its `defaults` example: first (template compilation included), then warm. */
async function measureRender() {
  const files = await readBlueprintFolder(join(CONTENT_DIRECTORY, "blueprints/kubeadm-ha-baremetal/1.0.0"));
  const source = loadBlueprintFolderOrThrow(files);
  const values = source.examples.find((example) => example.name === "defaults")?.values ?? {};
  let started = performance.now();
  const first = renderBlueprint(source, values);
  const firstMs = performance.now() - started;
  for (let index = 0; index < RENDER_WARMUP; index++) renderBlueprint(source, values);
  const times: number[] = [];
  for (let index = 0; index < RENDER_ITERATIONS; index++) {
    started = performance.now();
    renderBlueprint(source, values);
    times.push(performance.now() - started);
  }
  return {
    files: first.files.length,
    bytes: first.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0),
    firstMs,
    iterations: RENDER_ITERATIONS,
    meanMs: mean(times),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
}

async function measure(scenario: string, server: ChildServer, target: LoadTarget, baseline = false) {
  process.stdout.write(`  ${scenario}: ${load.warmupSeconds}s warm-up + ${load.seconds}s...`);
  const result = await runHttpLoad(target, { ...load, serverPid: server.pid });
  process.stdout.write(` ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.latencyP99} ms\n`);
  return { scenario, baseline, load: result };
}

async function fetchOk(url: string): Promise<Buffer> {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${bytes.toString("utf8", 0, 300)}`);
  return bytes;
}

const render = await measureRender();
console.log(
  `  render kubeadm-ha-baremetal (${render.files} files, ${render.bytes} bytes): first ${render.firstMs.toFixed(2)} ms, then mean ${render.meanMs.toFixed(3)} ms, p99 ${render.p99Ms.toFixed(3)} ms over ${render.iterations}`,
);

const seedStarted = performance.now();
const hub = await startBenchHub(environment, { seed: (dataSource) => seedCharts(dataSource, SYNTHETIC) });
console.log(
  `  ${hub.extra.contentSummary}; ${hub.extra.syntheticVersions} synthetic chart versions; hub up after ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);
const staticDirectory = await mkdtemp(join(tmpdir(), "hub-bench-static-"));
let baseline: ChildServer | undefined;
let staticServer: ChildServer | undefined;
const results: DetailedScenarioResult[] = [];
const sizes = { indexBytes: 0, indexGzipBytes: 0, indexEntries: 0, chartBytes: 0 };
try {
  baseline = await startBaselineServer();
  const index = await fetchOk(`${hub.url}/charts/index.yaml`);
  const chart = await fetchOk(`${hub.url}/charts/${CHART_FILE}`);
  sizes.indexBytes = index.length;
  // fetch() would inflate the body; Content-Length is what went over the wire.
  const gzipped = await fetch(`${hub.url}/charts/index.yaml`, { headers: { "accept-encoding": "gzip" } });
  sizes.indexGzipBytes = Number(gzipped.headers.get("content-length") ?? 0);
  await gzipped.arrayBuffer();
  sizes.indexEntries = (index.toString("utf8").match(/^\s+- apiVersion:/gm) ?? []).length;
  sizes.chartBytes = chart.length;
  console.log(
    `  index.yaml: ${sizes.indexBytes} bytes, ${sizes.indexEntries} chart versions; ${CHART_FILE}: ${sizes.chartBytes} bytes`,
  );
  await writeFile(join(staticDirectory, CHART_FILE), chart);
  const port = await findFreePort();
  staticServer = await startChildServer({
    script: "bench/support/static-server.ts",
    args: [String(port), staticDirectory],
    cwd: REPOSITORY_ROOT,
    url: `http://127.0.0.1:${port}`,
    readyPath: "/healthz",
    env: { ...childBaseEnvironment(), NODE_ENV: "production" },
  });
  const staticBytes = await fetchOk(`${staticServer.url}/charts/${CHART_FILE}`);
  if (!staticBytes.equals(chart)) throw new Error("express.static does not serve the same bytes");
  await expectGraphqlSuccess({ url: baseline.url, query: "{ hello }" });
  await expectGraphqlSuccess({ url: hub.url, query: CATALOG_QUERY, variables: CATALOG_VARIABLES });
  await expectGraphqlSuccess({ url: hub.url, query: BLUEPRINT_PAGE_QUERY, variables: PAGE_VARIABLES });
  results.push(
    await measure("bare Apollo Server (before)", baseline, graphqlTarget(baseline.url, "{ hello }"), true),
  );
  results.push(await measure("GET /charts/index.yaml", hub, { url: `${hub.url}/charts/index.yaml` }));
  // Helm's Go HTTP client asks for gzip on its own (Transport.DisableCompression is false by default).
  results.push(
    await measure("GET /charts/index.yaml (gzip, as helm asks)", hub, {
      url: `${hub.url}/charts/index.yaml`,
      headers: { "accept-encoding": "gzip" },
    }),
  );
  results.push(
    await measure(`GET /charts/${CHART_FILE} (hub)`, hub, { url: `${hub.url}/charts/${CHART_FILE}` }),
  );
  results.push(
    await measure(`GET /charts/${CHART_FILE} (express.static)`, staticServer, {
      url: `${staticServer.url}/charts/${CHART_FILE}`,
    }),
  );
  results.push(
    await measure(
      "catalog page query (first 24)",
      hub,
      graphqlTarget(hub.url, CATALOG_QUERY, CATALOG_VARIABLES),
    ),
  );
  results.push(
    await measure(
      "blueprint page query (kubeadm-ha-baremetal)",
      hub,
      graphqlTarget(hub.url, BLUEPRINT_PAGE_QUERY, PAGE_VARIABLES),
    ),
  );
  results.push(
    await measure("bare Apollo Server (after)", baseline, graphqlTarget(baseline.url, "{ hello }"), true),
  );
} finally {
  await staticServer?.stop();
  await baseline?.stop();
  await hub.stop();
  await rm(staticDirectory, { recursive: true, force: true });
}

console.log(`\n${formatDetailedTable(results)}\n`);
const baselineRate = baselineRequestsPerSecond(results);
const [, indexResult, gzipIndexResult, hubChart, staticChart, catalogResult, pageResult] = results;
const downloadRatio = throughputRatio(hubChart.load.requestsPerSecond, staticChart.load.requestsPerSecond);
console.log(
  `index.yaml (${sizes.indexEntries} versions, ${Math.round(sizes.indexBytes / 1024)} KiB): p99 ${indexResult.load.latencyP99} ms at ${CONNECTIONS} connections, ${formatPercent(throughputRatio(indexResult.load.requestsPerSecond, baselineRate))} of the bare Apollo baseline`,
);
console.log(
  `index.yaml gzip (${Math.round(sizes.indexGzipBytes / 1024)} KiB): p99 ${gzipIndexResult.load.latencyP99} ms at ${CONNECTIONS} connections`,
);
console.log(
  `chart download: ${formatPercent(downloadRatio)} of express.static's requests per second for the same ${sizes.chartBytes} bytes`,
);
for (const result of [catalogResult, pageResult])
  console.log(
    `${result.scenario}: ${Math.round(result.load.requestsPerSecond)} req/s, p99 ${result.load.latencyP99} ms at ${CONNECTIONS} connections, ${formatPercent(throughputRatio(result.load.requestsPerSecond, baselineRate))} of the bare Apollo baseline`,
  );
console.log(
  `render kubeadm-ha-baremetal: mean ${render.meanMs.toFixed(3)} ms, p99 ${render.p99Ms.toFixed(3)} ms (first ${render.firstMs.toFixed(2)} ms)`,
);

const file = await writeResultsFile("blueprints", hub.databaseKind, startedAt, {
  settings: { ...load, hubLogLevel: environment.hubLogLevel },
  seed: { ...hub.extra, ...sizes },
  results: results.map((result) => ({
    ...result,
    ratio: throughputRatio(result.load.requestsPerSecond, baselineRate),
  })),
  downloadRatioToExpressStatic: downloadRatio,
  render,
});
console.log(`results written to ${file}`);
