import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SimulatedClusterSource } from "./cluster/simulated-source.js";
import { joinCluster } from "./join-cluster.js";
import { readAgentState } from "./runtime/state-file.js";
import { FakeHub } from "./testing/fake-hub.js";

const NOW = new Date("2026-11-25T09:00:00Z");

describe("Joining a cluster", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "agent-join-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("registers with the kube-system UID and stores the credential owner-only", async () => {
    const hub = new FakeHub({ now: () => NOW, leaseSeconds: 8 });
    const source = new SimulatedClusterSource({ seed: 5, nodes: 3, now: () => NOW });
    const stateFile = join(directory, "state.json");
    const state = await joinCluster({
      hub,
      hubUrl: "https://hub.example.org/graphql",
      joinToken: "join-123",
      source,
      sourceSelection: { kind: "simulated", seed: 5, nodes: 3 },
      stateFile,
      now: () => NOW,
    });
    const { clusterUid } = await source.identity();
    expect(state).toMatchObject({
      clusterId: "cluster-1",
      clusterUid,
      leaseSeconds: 8,
      statusIntervalSeconds: 30,
    });
    expect(state.credential).toEqual({
      token: "token-0",
      expiresAt: "2026-11-26T09:00:00.000Z",
      issuedAt: "2026-11-25T09:00:00.000Z",
    });
    expect(readAgentState(stateFile)).toEqual(state);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
  });
});
