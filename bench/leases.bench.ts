import { setTimeout as sleep } from "node:timers/promises";
import type autocannon from "autocannon";
import { toGlobalId } from "../server/graphql/global-id.js";
import { DEFAULT_CLUSTER_SETTINGS } from "../server/modules/clusters/cluster-settings.js";
import { loadBenchEnvironment } from "./support/bench-environment.js";
import type { ChildServer } from "./support/child-server.js";
import { type DetailedScenarioResult, formatDetailedTable } from "./support/detailed-report.js";
import { expectGraphqlSuccess } from "./support/graphql-load.js";
import { graphqlTarget, runHttpLoad } from "./support/http-load.js";
import { baselineRequestsPerSecond, formatPercent, throughputRatio } from "./support/report.js";
import { writeResultsFile } from "./support/results-file.js";
import { seedClusters } from "./support/seed-clusters.js";
import { startBaselineServer, startBenchHub } from "./support/servers.js";

/**
 * Leases benchmark (issue 3): 500 registered clusters renew their leases as fast as 100 connections allow, each
 * request with the next cluster's credential, next to a bare Apollo Server. Targets: 2,000 renewals/s, p99 under
 * 50 ms, at least 70% of the baseline. Then one cluster stops renewing: how long until its Available condition
 * is Unknown, against the grace period + 2 s after its lease expired.
 */
const CLUSTER_COUNT = 10_000;
const CONNECTIONS = 100;
const TARGET_RATE = 2_000;
const TARGET_P99_MS = 50;
const TARGET_RATIO = 0.7;
const DETECTION_SLACK_SECONDS = 2;
const POLL_MS = 250;

const RENEW_QUERY =
  "mutation Renew($agentTime: DateTime!) { renewLease(input: { agentTime: $agentTime }) { leaseSeconds serverTime } }";
const CONDITIONS =
  "query Conditions($id: ID!) { memberCluster(id: $id) { availability conditions { type status reason } } }";

interface ClusterConditions {
  memberCluster: {
    availability: string;
    conditions: Array<{ type: string; status: string; reason: string }>;
  };
}

const environment = loadBenchEnvironment();
const load = {
  connections: CONNECTIONS,
  seconds: environment.seconds,
  warmupSeconds: environment.warmupSeconds,
};
const startedAt = new Date();
const settings = DEFAULT_CLUSTER_SETTINGS;
console.log(
  `leases: ${CLUSTER_COUNT} clusters, ${CONNECTIONS} connections, database ${environment.databaseUrl ? "PostgreSQL" : "PGlite"}`,
);

const seedStarted = performance.now();
const hub = await startBenchHub(environment, {
  seed: (dataSource) => seedClusters(dataSource, CLUSTER_COUNT),
});
console.log(
  `  registered ${CLUSTER_COUNT} clusters; hub up after ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);
const { clusters, stewardToken } = hub.extra;

const renewOnce = (credential: string) =>
  expectGraphqlSuccess({
    url: hub.url,
    query: RENEW_QUERY,
    variables: { agentTime: new Date().toISOString() },
    token: credential,
  });

/** Every request goes out with the next cluster's credential (round robin over all of them) and a fresh clock. */
function renewalRequests(): autocannon.Request[] {
  let next = 1; // cluster 0 is the one whose lease is lost afterwards: it renews only by itself
  return [
    {
      method: "POST",
      path: "/graphql",
      setupRequest(request) {
        const credential = clusters[next].credential;
        next = next + 1 < clusters.length ? next + 1 : 1;
        return {
          ...request,
          headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
          body: JSON.stringify({ query: RENEW_QUERY, variables: { agentTime: new Date().toISOString() } }),
        };
      },
    },
  ];
}

async function measure(
  scenario: string,
  server: ChildServer,
  target: Parameters<typeof runHttpLoad>[0],
  baseline = false,
) {
  process.stdout.write(`  ${scenario}: ${load.warmupSeconds}s warm-up + ${load.seconds}s...`);
  const result = await runHttpLoad(target, { ...load, serverPid: server.pid });
  process.stdout.write(
    ` ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.latencyP99} ms, non-2xx ${result.non2xx}\n`,
  );
  return { scenario, baseline, load: result };
}

async function availability(clusterId: string): Promise<string | undefined> {
  const data = (await expectGraphqlSuccess({
    url: hub.url,
    query: CONDITIONS,
    variables: { id: toGlobalId("MemberCluster", clusterId) },
    token: stewardToken,
  })) as ClusterConditions;
  return data.memberCluster.conditions.find((condition) => condition.type === "Available")?.status;
}

let baseline: ChildServer | undefined;
const results: DetailedScenarioResult[] = [];
let loss:
  | { lastRenewalToUnknownSeconds: number; expiryToUnknownSeconds: number; targetSeconds: number }
  | undefined;
try {
  baseline = await startBaselineServer();
  await renewOnce(clusters[1].credential);
  await expectGraphqlSuccess({ url: baseline.url, query: "{ hello }" });
  results.push(
    await measure("bare Apollo Server (before)", baseline, graphqlTarget(baseline.url, "{ hello }"), true),
  );
  results.push(
    await measure(`renewLease, ${CLUSTER_COUNT - 1} credentials in turn`, hub, {
      url: hub.url,
      requests: renewalRequests(),
    }),
  );
  results.push(
    await measure("bare Apollo Server (after)", baseline, graphqlTarget(baseline.url, "{ hello }"), true),
  );

  // Lease loss: cluster 0 renews twice (Available True needs a renewal, after registration), then falls silent.
  await renewOnce(clusters[0].credential);
  await renewOnce(clusters[0].credential);
  const lastRenewal = performance.now();
  const before = await availability(clusters[0].id);
  if (before !== "True") throw new Error(`cluster 0 is Available=${before} after renewing, expected True`);
  console.log(`  cluster 0 Available=True after its last renewal; polling every ${POLL_MS} ms...`);
  const limitMs = (settings.leaseSeconds + settings.graceSeconds + 30) * 1000;
  let status = await availability(clusters[0].id);
  while (status !== "Unknown") {
    if (performance.now() - lastRenewal > limitMs)
      throw new Error(`still Available=${status} after ${limitMs} ms`);
    await sleep(POLL_MS);
    status = await availability(clusters[0].id);
  }
  const lastRenewalToUnknownSeconds = (performance.now() - lastRenewal) / 1000;
  loss = {
    lastRenewalToUnknownSeconds,
    expiryToUnknownSeconds: lastRenewalToUnknownSeconds - settings.leaseSeconds,
    targetSeconds: settings.graceSeconds + DETECTION_SLACK_SECONDS,
  };
} finally {
  await baseline?.stop();
  await hub.stop();
}

console.log(`\n${formatDetailedTable(results)}\n`);
const baselineRate = baselineRequestsPerSecond(results);
const renewals = results[1].load;
const ratio = throughputRatio(renewals.requestsPerSecond, baselineRate);
const verdict = (met: boolean) => (met ? "meets" : "MISSES");
console.log(
  `${verdict(renewals.requestsPerSecond >= TARGET_RATE)} ${TARGET_RATE} renewals/s: ${Math.round(renewals.requestsPerSecond)}/s`,
);
console.log(
  `${verdict(renewals.latencyP99 < TARGET_P99_MS)} p99 < ${TARGET_P99_MS} ms: ${renewals.latencyP99} ms`,
);
console.log(
  `${verdict(ratio >= TARGET_RATIO)} ${formatPercent(TARGET_RATIO)} of baseline: ${formatPercent(ratio)}`,
);
if (loss)
  console.log(
    `${verdict(loss.expiryToUnknownSeconds <= loss.targetSeconds)} lease loss → Available=Unknown within grace + ${DETECTION_SLACK_SECONDS} s of the lease's expiry: ${loss.expiryToUnknownSeconds.toFixed(1)} s after expiry (${loss.lastRenewalToUnknownSeconds.toFixed(1)} s after the last renewal; lease ${settings.leaseSeconds} s, grace ${settings.graceSeconds} s; ratio ${(loss.expiryToUnknownSeconds / loss.targetSeconds).toFixed(2)})`,
  );

const file = await writeResultsFile("leases", hub.databaseKind, startedAt, {
  settings: {
    ...load,
    hubLogLevel: environment.hubLogLevel,
    clusters: CLUSTER_COUNT,
    clusterSettings: settings,
  },
  targets: { renewalsPerSecond: TARGET_RATE, p99Ms: TARGET_P99_MS, ratio: TARGET_RATIO },
  results: results.map((result) => ({
    ...result,
    ratio: throughputRatio(result.load.requestsPerSecond, baselineRate),
  })),
  leaseLoss: loss,
});
console.log(`results written to ${file}`);
