import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgentLoop, type AgentLogger, type AgentLoopOptions } from "./agent-loop.js";
import { seededRandom } from "./cluster/seeded-random.js";
import type { StoredCredential } from "./runtime/credential.js";
import { EventQueue } from "./runtime/event-queue.js";
import { buildNode, buildPod } from "./testing/cluster-builders.js";
import { FakeHub } from "./testing/fake-hub.js";
import { blueprintLabels } from "./testing/kubernetes-fixtures.js";
import { ScriptedClock } from "./testing/scripted-clock.js";
import { StaticClusterSource } from "./testing/static-source.js";

const START = new Date("2026-11-25T09:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const SILENT: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Harness {
  clock: ScriptedClock;
  hub: FakeHub;
  source: StaticClusterSource;
  events: EventQueue;
  rotated: StoredCredential[];
  loop: () => AgentLoop;
}

describe("Agent loop", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "agent-loop-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  function harness(
    durationMs: number,
    overrides: Partial<AgentLoopOptions> = {},
    lifetimeMs = 24 * 60 * MINUTE,
  ): Harness {
    const clock = new ScriptedClock(START, durationMs);
    const hub = new FakeHub({ now: () => clock.now(), leaseSeconds: 10, credentialLifetimeMs: lifetimeMs });
    const source = new StaticClusterSource({
      nodes: [buildNode("n1"), buildNode("n2")],
      pods: [buildPod("a", "n1", { cpu: "1", memory: "1Gi" })],
    });
    const events = new EventQueue(join(directory, "events.jsonl"), 100);
    const rotated: StoredCredential[] = [];
    const credential = {
      token: "initial",
      issuedAt: START.toISOString(),
      expiresAt: new Date(START.getTime() + lifetimeMs).toISOString(),
    };
    const loop = () =>
      new AgentLoop({
        hub,
        source,
        clusterUid: "uid-static",
        credential,
        onCredentialRotated: (fresh) => rotated.push(fresh),
        leaseSeconds: 10,
        statusIntervalSeconds: 30,
        events,
        clock,
        random: seededRandom(1),
        backoff: { baseMs: SECOND, capMs: 30 * SECOND },
        logger: SILENT,
        signal: clock.controller.signal,
        ...overrides,
      });
    return { clock, hub, source, events, rotated, loop };
  }

  function gaps(times: number[]): number[] {
    return times.slice(1).map((time, index) => time - times[index]);
  }

  it("renews the lease every lease period with at most 10 % jitter", async () => {
    const { hub, loop } = harness(10 * MINUTE);
    expect(await loop().run()).toEqual({ reason: "aborted" });
    const leases = hub.succeeded("renewLease").map((call) => call.at);
    expect(leases[0]).toBe(START.getTime());
    for (const gap of gaps(leases)) {
      expect(gap).toBeGreaterThanOrEqual(9 * SECOND);
      expect(gap).toBeLessThanOrEqual(11 * SECOND);
    }
    expect(new Set(gaps(leases)).size).toBeGreaterThan(1);
  });

  it("sends status at start, every 30 s while stable, and at the next sample after a >5 % change", async () => {
    const { hub, source, clock, loop } = harness(3 * MINUTE);
    clock.at(95 * SECOND, () => source.snapshotValue.pods.push(buildPod("big", "n2", { cpu: "2" })));
    await loop().run();
    const reports = hub.succeeded("reportStatus").map((call) => call.at - START.getTime());
    expect(reports[0]).toBe(0);
    const changeReport = reports.find((at) => at >= 95 * SECOND);
    expect(changeReport).toBeDefined();
    expect(changeReport).toBeLessThanOrEqual(110 * SECOND);
    for (const gap of gaps(reports)) expect(gap).toBeLessThanOrEqual(45 * SECOND);
    expect(reports.length).toBeLessThanOrEqual(8);
    expect(hub.reports[0].report).toMatchObject({
      kubernetesVersion: "v1.34.2",
      nodes: { total: 2, ready: 2 },
    });
  });

  it("sends the blueprint labels with each report, and a changed set at the next sample", async () => {
    const { hub, source, clock, loop } = harness(2 * MINUTE);
    source.snapshotValue.namespaces = [
      { name: "metallb-system", labels: blueprintLabels("metallb-l2", "1.0.0") },
    ];
    // An upgrade that changes no figure: only the labels move.
    clock.at(40 * SECOND, () => {
      source.snapshotValue.namespaces = [
        { name: "metallb-system", labels: blueprintLabels("metallb-l2", "1.1.0") },
      ];
    });
    await loop().run();
    expect(hub.reports[0].blueprints).toEqual([{ name: "metallb-l2", version: "1.0.0" }]);
    const upgraded = hub.reports.findIndex((entry) => entry.blueprints?.[0]?.version === "1.1.0");
    expect(upgraded).toBeGreaterThan(0);
    const at = hub.succeeded("reportStatus")[upgraded].at - START.getTime();
    expect(at).toBeGreaterThanOrEqual(40 * SECOND);
    expect(at).toBeLessThanOrEqual(56 * SECOND);
  });

  it("backs off with growing, capped delays while the hub is away, touching only the lease", async () => {
    const { hub, clock, loop } = harness(15 * MINUTE);
    clock.at(MINUTE, () => {
      hub.down = true;
    });
    clock.at(11 * MINUTE, () => {
      hub.down = false;
    });
    await loop().run();
    const failed = hub.calls.filter((call) => call.failed);
    const retries = failed.slice(1);
    expect(retries.every((call) => call.operation === "renewLease")).toBe(true);
    // Ten minutes at a 30 s cap with full jitter: about 40 attempts, far below a lease every 10 s plus status.
    expect(failed.length).toBeGreaterThan(10);
    expect(failed.length).toBeLessThan(60);
    for (const gap of gaps(failed.map((call) => call.at))) expect(gap).toBeLessThanOrEqual(30 * SECOND);
  });

  it("does not flood a returning hub: one lease, then the latest status, then events in one batch", async () => {
    const { hub, clock, loop } = harness(15 * MINUTE);
    clock.at(MINUTE, () => {
      hub.down = true;
    });
    clock.at(11 * MINUTE, () => {
      hub.down = false;
    });
    await loop().run();
    const firstFailure = hub.calls.findIndex((call) => call.failed);
    const lastFailure = hub.calls.findLastIndex((call) => call.failed);
    expect(firstFailure).toBeGreaterThan(0);
    const afterReturn = hub.calls.slice(lastFailure + 1);
    expect(afterReturn.slice(0, 3).map((call) => call.operation)).toEqual([
      "renewLease",
      "reportStatus",
      "recordAgentEvents",
    ]);
    expect(afterReturn[2].eventTypes).toEqual(["HubUnreachable", "HubReachable"]);
    const returnedAt = afterReturn[0].at;
    const burst = afterReturn.filter((call) => call.at < returnedAt + 9 * SECOND);
    expect(burst).toHaveLength(3);
  });

  it("rotates the credential when less than 20 % of its lifetime remains and persists the new one", async () => {
    const { hub, rotated, loop } = harness(2 * 60 * MINUTE, {}, 60 * MINUTE);
    await loop().run();
    const rotations = hub.succeeded("rotateCredential").map((call) => call.at - START.getTime());
    expect(rotations).toHaveLength(2);
    expect(rotations[0]).toBeGreaterThanOrEqual(48 * MINUTE);
    expect(rotations[0]).toBeLessThan(49 * MINUTE);
    expect(rotated.map((credential) => credential.token)).toEqual(["token-1", "token-2"]);
    const eventTypes = hub.succeeded("recordAgentEvents").flatMap((call) => call.eventTypes ?? []);
    expect(eventTypes.filter((type) => type === "CredentialRotated")).toHaveLength(2);
  });

  it("pauses between cycles when the hub keeps handing out credentials that are already due for rotation", async () => {
    const { hub, loop } = harness(MINUTE, {}, 0);
    await loop().run();
    const rotations = hub.succeeded("rotateCredential").length;
    expect(rotations).toBeGreaterThan(30);
    expect(rotations).toBeLessThanOrEqual(61);
  });

  it("stops at once when the hub says the credential was revoked", async () => {
    const { hub, clock, loop } = harness(10 * MINUTE);
    clock.at(45 * SECOND, () => {
      hub.revoked = true;
    });
    const result = await loop().run();
    expect(result).toEqual({ reason: "revoked", message: "credential revoked" });
    expect(hub.calls.filter((call) => call.failed)).toHaveLength(1);
    expect(clock.elapsed()).toBeLessThan(MINUTE);
  });

  it("keeps the lease alive while the cluster API fails, and reports the failure once", async () => {
    const { hub, source, clock, loop } = harness(2 * MINUTE);
    clock.at(20 * SECOND, () => {
      source.failing = true;
    });
    await loop().run();
    expect(hub.calls.every((call) => !call.failed)).toBe(true);
    expect(hub.succeeded("renewLease").length).toBeGreaterThanOrEqual(10);
    const eventTypes = hub.succeeded("recordAgentEvents").flatMap((call) => call.eventTypes ?? []);
    expect(eventTypes).toEqual(["ClusterReadFailed"]);
  });
});
