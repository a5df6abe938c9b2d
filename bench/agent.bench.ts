import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startFakeKubernetesApi } from "../agent/testing/fake-kubernetes-api.js";
import { HubClient } from "../agent/hub/hub-client.js";
import { buildJoinToken } from "../test/support/cluster-factories.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "../test/support/factories.js";
import { childBaseEnvironment, loadBenchEnvironment } from "./support/bench-environment.js";
import { AGENT_NODE_FLAGS, buildAgentBundle } from "../scripts/build-agent.js";
import { expectGraphqlSuccess } from "./support/graphql-load.js";
import { buildLargeCluster } from "./support/large-cluster.js";
import { percentile } from "./support/percentile.js";
import { readProcessCpuSeconds } from "./support/process-cpu.js";
import { writeResultsFile } from "./support/results-file.js";
import { REPOSITORY_ROOT, startBenchHub } from "./support/servers.js";

/**
 * Agent benchmark (issue 3).
 * 1. Registration to Available: a join token's registration, the agent's first lease renewal, and the time until
 *    the hub's API shows the cluster Available=True (target p99 under 2 s; Karmada publishes 6.9 s).
 * 2. Footprint: the real agent (`agent/bin/alliance-agent.mjs`, `join` then `run`) reads a 500-node cluster with
 *    15,000 pods through `@kubernetes/client-node` from a fake API server, renews leases and reports status to
 *    the hub; its CPU (millicores, from /proc) and resident memory are sampled every second for the measured
 *    window (target: under 50 millicores and 150 MiB; Karmada's agent: 40m / 266 MiB at 5,000 nodes).
 */
const REGISTRATIONS = 30;
const NODES = 500;
const PODS_PER_NODE = 30;
const PENDING_PODS = 200;
const TARGETS = { registrationP99Ms: 2_000, millicores: 50, rssMiB: 150 };
const POLL_MS = 25;

const environment = loadBenchEnvironment();
const footprintSeconds = Math.max(60, environment.seconds * 6);
const startedAt = new Date();

const AVAILABILITY = "query($id: ID!) { memberCluster(id: $id) { availability } }";

const hub = await startBenchHub(environment, {
  seed: async (dataSource) => {
    const cooperative = await buildCooperative(dataSource, { admins: [await buildPerson(dataSource)] });
    const tokens = [];
    for (let index = 0; index < REGISTRATIONS + 2; index++)
      tokens.push(
        (await buildJoinToken(dataSource, { cooperative, clusterName: `agent-bench-${index}` })).secret,
      );
    const steward = await buildSteward(dataSource);
    return { tokens, stewardToken: await buildApiToken(dataSource, steward, { scopes: ["read"] }) };
  },
});
const graphqlUrl = `${hub.url}/graphql`;
const { tokens, stewardToken } = hub.extra;

async function availability(clusterId: string): Promise<string> {
  const data = (await expectGraphqlSuccess({
    url: hub.url,
    query: AVAILABILITY,
    variables: { id: clusterId },
    token: stewardToken,
  })) as { memberCluster: { availability: string } };
  return data.memberCluster.availability;
}

/** Register as `alliance-agent join` does, renew as `run` does first, and wait for Available=True. */
async function registrationToAvailable(joinToken: string): Promise<number> {
  const started = performance.now();
  let credential: string | undefined;
  const client = new HubClient({ url: graphqlUrl, credential: () => credential });
  const registered = await client.registerCluster({
    joinToken,
    clusterUid: crypto.randomUUID(),
    kubernetesVersion: "v1.34.2",
    agentVersion: "0.1.0",
  });
  credential = registered.credential.token;
  await client.renewLease(new Date());
  while ((await availability(registered.cluster.id)) !== "TRUE") await sleep(POLL_MS);
  return performance.now() - started;
}

interface Footprint {
  millicores: number;
  peakRssMiB: number;
  meanRssMiB: number;
  samples: number;
}

async function readRssMiB(pid: number): Promise<number | undefined> {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The two ways to run the agent: the bundle a container runs, and the TypeScript source through tsx. */
const ENTRIES = {
  bundle: { label: `bundle (npm run build:agent), ${AGENT_NODE_FLAGS.join(" ")}`, script: "" },
  source: { label: "source through tsx (agent/bin)", script: "agent/bin/alliance-agent.mjs" },
};

function runAgent(script: string, args: string[], env: NodeJS.ProcessEnv) {
  // The bundle runs as in its container image, with the same heap limits; the source as `npx alliance-agent` does.
  const flags = script === ENTRIES.bundle.script ? AGENT_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, script, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...childBaseEnvironment(), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  return { child, stderr: () => stderr };
}

/** Joins and runs the real agent against a fake 500-node API server; samples its CPU and memory once a second. */
async function agentFootprint(script: string, joinToken: string): Promise<Footprint> {
  const cluster = buildLargeCluster({ nodes: NODES, podsPerNode: PODS_PER_NODE, pendingPods: PENDING_PODS });
  const api = await startFakeKubernetesApi({ nodes: cluster.nodes, pods: cluster.pods });
  const directory = await mkdtemp(join(tmpdir(), "agent-bench-"));
  const kubeconfig = join(directory, "kubeconfig.yaml");
  await writeFile(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: ${api.url}\n    insecure-skip-tls-verify: true\nusers:\n- name: agent\n  user:\n    token: fake\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n    user: agent\ncurrent-context: fake\n`,
  );
  const env = {
    ALLIANCE_STATE_FILE: join(directory, "state.json"),
    KUBECONFIG: kubeconfig,
    ALLIANCE_LOG_LEVEL: "warn",
  };
  try {
    const joining = runAgent(script, ["join", "--hub", graphqlUrl, "--token", joinToken], env);
    const [code] = await once(joining.child, "exit");
    if (code !== 0) throw new Error(`alliance-agent join exited ${code}:\n${joining.stderr()}`);
    const agent = runAgent(script, ["run"], env);
    const pid = agent.child.pid ?? 0;
    try {
      // Start-up (loading the client, the first full read) is not steady state: measure after 20 s.
      await sleep(20_000);
      const cpuBefore = await readProcessCpuSeconds(pid);
      const started = performance.now();
      const rss: number[] = [];
      while (performance.now() - started < footprintSeconds * 1000) {
        if (agent.child.exitCode !== null) throw new Error(`the agent exited:\n${agent.stderr()}`);
        const sample = await readRssMiB(pid);
        if (sample !== undefined) rss.push(sample);
        await sleep(1_000);
      }
      const cpuAfter = await readProcessCpuSeconds(pid);
      const elapsedSeconds = (performance.now() - started) / 1000;
      if (cpuBefore === undefined || cpuAfter === undefined) throw new Error("no /proc: cannot measure CPU");
      return {
        millicores: ((cpuAfter - cpuBefore) / elapsedSeconds) * 1000,
        peakRssMiB: Math.max(...rss),
        meanRssMiB: rss.reduce((sum, value) => sum + value, 0) / rss.length,
        samples: rss.length,
      };
    } finally {
      agent.child.kill("SIGTERM");
      await once(agent.child, "exit");
    }
  } finally {
    await api.close();
    await rm(directory, { recursive: true, force: true });
  }
}

const registrationMs: number[] = [];
const footprints: Partial<Record<keyof typeof ENTRIES, Footprint>> = {};
try {
  console.log(
    `agent: ${REGISTRATIONS} registrations, then the agent on ${NODES} nodes for ${footprintSeconds} s`,
  );
  for (const token of tokens.slice(2)) registrationMs.push(await registrationToAvailable(token));
  ENTRIES.bundle.script = await buildAgentBundle(
    join(await mkdtemp(join(tmpdir(), "agent-bundle-")), "agent.mjs"),
  );
  footprints.bundle = await agentFootprint(ENTRIES.bundle.script, tokens[0]);
  footprints.source = await agentFootprint(ENTRIES.source.script, tokens[1]);
} finally {
  await hub.stop();
}

const verdict = (met: boolean) => (met ? "meets" : "MISSES");
const p50 = percentile(registrationMs, 50);
const p99 = percentile(registrationMs, 99);
console.log(
  `${verdict(p99 < TARGETS.registrationP99Ms)} registration → Available p99 < ${TARGETS.registrationP99Ms} ms: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (${REGISTRATIONS} clusters, ${hub.databaseKind})`,
);
for (const [entry, footprint] of Object.entries(footprints)) {
  const label = ENTRIES[entry as keyof typeof ENTRIES].label;
  console.log(
    `${verdict(footprint.millicores < TARGETS.millicores)} agent CPU < ${TARGETS.millicores}m, ${label}: ${footprint.millicores.toFixed(1)} millicores over ${footprintSeconds} s (${NODES} nodes, ${NODES * PODS_PER_NODE + PENDING_PODS} pods)`,
  );
  console.log(
    `${verdict(footprint.peakRssMiB < TARGETS.rssMiB)} agent memory < ${TARGETS.rssMiB} MiB, ${label}: peak RSS ${footprint.peakRssMiB.toFixed(0)} MiB, mean ${footprint.meanRssMiB.toFixed(0)} MiB`,
  );
}
const file = await writeResultsFile("agent", hub.databaseKind, startedAt, {
  settings: { registrations: REGISTRATIONS, nodes: NODES, podsPerNode: PODS_PER_NODE, footprintSeconds },
  targets: TARGETS,
  registrationMs: { p50, p99, all: registrationMs },
  footprints,
});
console.log(`results written to ${file}`);
