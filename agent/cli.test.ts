import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAgentState, writeAgentState } from "./runtime/state-file.js";
import { type FakeHubServer, startFakeHubServer } from "./testing/fake-hub-server.js";
import { type FakeKubernetesApi, startFakeKubernetesApi } from "./testing/fake-kubernetes-api.js";
import { FIXTURE_CLUSTER_UID } from "./testing/kubernetes-fixtures.js";
import { AGENT_VERSION } from "./version.js";

const LAUNCHER = join(import.meta.dirname, "bin", "alliance-agent.mjs");

interface Finished {
  code: number | null;
  output: string;
}

/** Children still running when a test ends (a failed assertion) are killed in afterEach. */
const children = new Set<ChildProcess>();

function start(args: string[]): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    env: { PATH: process.env.PATH },
    stdio: "pipe",
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  children.add(child);
  const finished = new Promise<Finished>((resolve) =>
    child.on("exit", (code) => {
      children.delete(child);
      resolve({ code, output });
    }),
  );
  return { child, finished };
}

async function waitFor(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("alliance-agent CLI end to end (fake hub, fake Kubernetes API)", () => {
  let directory: string;
  let hub: FakeHubServer;
  let kubernetes: FakeKubernetesApi;
  let kubeconfigPath: string;
  let stateFile: string;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "agent-cli-"));
    hub = await startFakeHubServer();
    kubernetes = await startFakeKubernetesApi();
    kubeconfigPath = join(directory, "kubeconfig.yaml");
    stateFile = join(directory, "state", "state.json");
    writeFileSync(
      kubeconfigPath,
      [
        "apiVersion: v1",
        "kind: Config",
        `clusters: [{name: fake, cluster: {server: "${kubernetes.url}", insecure-skip-tls-verify: true}}]`,
        "users: [{name: agent, user: {token: fake-token}}]",
        "contexts: [{name: fake, context: {cluster: fake, user: agent}}]",
        "current-context: fake",
      ].join("\n"),
    );
  });
  afterEach(async () => {
    for (const child of children) child.kill("SIGKILL");
    await hub.close();
    await kubernetes.close();
    rmSync(directory, { recursive: true, force: true });
  });

  // join runs with the simulated source (client-node not loaded, so the spawn stays quick); run below covers the
  // kubeconfig path through client-node.
  it("joins: registers the cluster and stores the credential owner-only", async () => {
    const joined = await start([
      "join",
      "--hub",
      hub.url,
      "--token",
      "join-1",
      "--simulated",
      "9",
      "--simulated-nodes",
      "5",
      "--state-file",
      stateFile,
    ]).finished;
    expect(joined.code, joined.output).toBe(0);
    expect(hub.requests).toHaveLength(1);
    expect(hub.requests[0]).toMatchObject({
      operationName: "RegisterCluster",
      variables: {
        input: { joinToken: "join-1", kubernetesVersion: "v1.34.2", agentVersion: AGENT_VERSION },
      },
    });
    expect(readAgentState(stateFile)).toMatchObject({
      clusterId: "cluster-42",
      credential: { token: "agent-token-1" },
      source: { kind: "simulated", seed: 9, nodes: 5 },
    });
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
  });

  it("runs: renews the lease, reports status read from the API, applies work, and exits 3 once revoked", async () => {
    writeAgentState(stateFile, {
      hubUrl: hub.url,
      clusterId: "cluster-42",
      clusterName: "coop-a-main",
      clusterUid: FIXTURE_CLUSTER_UID,
      credential: {
        token: "agent-token-1",
        issuedAt: new Date().toISOString(),
        expiresAt: "2099-01-01T00:00:00Z",
      },
      leaseSeconds: 1,
      statusIntervalSeconds: 30,
      source: { kind: "kubeconfig", path: kubeconfigPath },
    });
    hub.work = [
      {
        id: "work-1",
        generation: 1,
        desiredState: "PRESENT",
        namespace: "alliance-guest-coop-b-1",
        guestCooperativeSlug: "coop-b",
        placementId: "placement-1",
        replicas: 1,
        reservation: [{ resource: "cpu", amount: 500 }],
        manifests: [
          { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" }, data: { a: "1" } },
        ],
      },
    ];
    const running = start(["run", "--state-file", stateFile]);
    await waitFor(() => hub.requests.some((request) => request.operationName === "ReportWorkStatus"));
    hub.revoked = true;
    const stopped = await running.finished;
    expect(stopped.code, stopped.output).toBe(3);
    expect(stopped.output).toContain("revoked");
    expect(hub.requests[0]).toMatchObject({
      operationName: "RenewLease",
      authorization: "Bearer agent-token-1",
    });
    const report = hub.requests.find((request) => request.operationName === "ReportStatus")?.variables?.input;
    expect(report).toMatchObject({
      clusterUid: FIXTURE_CLUSTER_UID,
      report: { nodes: { total: 4, ready: 3 } },
    });
    const applied = kubernetes.store.writes.filter((write) => write.method === "PATCH");
    expect(applied.map((write) => write.path)).toContain(
      "/api/v1/namespaces/alliance-guest-coop-b-1/configmaps/settings",
    );
    expect(applied.every((write) => write.fieldManager === "alliance-agent")).toBe(true);
    const work = hub.requests.find((request) => request.operationName === "ReportWorkStatus")?.variables
      ?.input;
    expect(work).toMatchObject({ workId: "work-1", generation: 1 });
  });
});
