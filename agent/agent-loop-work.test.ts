import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgentLoop, type AgentLogger } from "./agent-loop.js";
import { seededRandom } from "./cluster/seeded-random.js";
import { HubError } from "./hub/hub-errors.js";
import { EventQueue } from "./runtime/event-queue.js";
import { buildNode } from "./testing/cluster-builders.js";
import { FakeHub } from "./testing/fake-hub.js";
import { ScriptedClock } from "./testing/scripted-clock.js";
import { StaticClusterSource } from "./testing/static-source.js";
import { SimulatedWorkTarget } from "./work/simulated-target.js";
import { WorkReconciler } from "./work/work-reconciler.js";

const START = new Date("2026-11-25T09:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const SILENT: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ITEM = {
  id: "work-1",
  generation: 1,
  desiredState: "PRESENT" as const,
  namespace: "alliance-guest-campus-cloud-1",
  guestCooperativeSlug: "campus-cloud",
  placementId: "placement-1",
  replicas: 2,
  reservation: [{ resource: "cpu", amount: 1000 }],
  manifests: [
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 2 } },
  ],
};

describe("Agent loop with work delivery", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "agent-loop-work-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  function harness(durationMs: number) {
    const clock = new ScriptedClock(START, durationMs);
    const hub = new FakeHub({ now: () => clock.now(), leaseSeconds: 10 });
    hub.work = [structuredClone(ITEM)];
    const target = new SimulatedWorkTarget({ now: () => clock.now(), readyAfterMs: 5 * SECOND });
    const work = new WorkReconciler({ hub, target, logger: SILENT, now: () => clock.now() });
    const loop = new AgentLoop({
      hub,
      source: new StaticClusterSource({ nodes: [buildNode("n1")], pods: [] }),
      clusterUid: "uid-static",
      credential: { token: "t", issuedAt: START.toISOString(), expiresAt: "2026-11-26T09:00:00Z" },
      onCredentialRotated: () => undefined,
      leaseSeconds: 10,
      statusIntervalSeconds: 30,
      events: new EventQueue(join(directory, "events.jsonl"), 100),
      clock,
      random: seededRandom(7),
      backoff: { baseMs: SECOND, capMs: 30 * SECOND },
      logger: SILENT,
      signal: clock.controller.signal,
      work,
      workIntervalMs: 10 * SECOND,
    });
    return { clock, hub, target, loop };
  }

  const times = (hub: FakeHub, operation: "agentWork" | "renewLease", failed: boolean) =>
    hub.calls.filter((call) => call.operation === operation && call.failed === failed).map((call) => call.at);

  it("polls work every interval after lease and status, and reports it Available once ready", async () => {
    const { hub, loop } = harness(MINUTE);
    await loop.run();
    expect(hub.calls.slice(0, 4).map((call) => call.operation)).toEqual([
      "renewLease",
      "reportStatus",
      "agentWork",
      "reportWorkStatus",
    ]);
    const polls = times(hub, "agentWork", false);
    expect(polls.length).toBeGreaterThanOrEqual(5);
    for (const [index, at] of polls.slice(1).entries()) expect(at - polls[index]).toBe(10 * SECOND);
    const available = hub.workReports.map(
      (report) => report.conditions.find((condition) => condition.type === "Available")?.status,
    );
    expect(available).toEqual(["False", "True"]);
  });

  it("backs work polls off on their own when only they fail, keeping the lease going", async () => {
    const { hub, clock, loop } = harness(6 * MINUTE);
    clock.at(30 * SECOND, () => {
      hub.workDown = true;
    });
    clock.at(5 * MINUTE, () => {
      hub.workDown = false;
    });
    await loop.run();
    const failed = times(hub, "agentWork", true);
    const gaps = failed.slice(1).map((at, index) => at - failed[index]);
    expect(gaps.every((gap) => gap >= 10 * SECOND && gap <= 31 * SECOND)).toBe(true);
    expect(Math.max(...gaps)).toBeGreaterThan(20 * SECOND);
    expect(failed.length).toBeLessThan(27);
    expect(times(hub, "renewLease", true)).toEqual([]);
    expect(times(hub, "renewLease", false).length).toBeGreaterThan(30);
    expect(times(hub, "agentWork", false).some((at) => at >= START.getTime() + 5 * MINUTE)).toBe(true);
  });

  it("does not poll work while the hub is away, and polls right after the lease when it returns", async () => {
    const { hub, clock, target, loop } = harness(5 * MINUTE);
    clock.at(MINUTE, () => {
      hub.down = true;
    });
    clock.at(3 * MINUTE, () => {
      hub.down = false;
    });
    await loop.run();
    // The first failure may hit whichever call was due; every retry after it is a lease.
    const failed = hub.calls.filter((call) => call.failed);
    expect(failed.slice(1).every((call) => call.operation === "renewLease")).toBe(true);
    expect(failed.length).toBeGreaterThan(5);
    const lastFailure = hub.calls.findLastIndex((call) => call.failed);
    expect(hub.calls.slice(lastFailure + 1, lastFailure + 5).map((call) => call.operation)).toEqual([
      "renewLease",
      "reportStatus",
      "recordAgentEvents",
      "agentWork",
    ]);
    expect(target.list().map((object) => object.kind)).toContain("Deployment");
  });

  it("keeps leases and status going when the hub refuses the work query", async () => {
    const { hub, loop } = harness(MINUTE);
    hub.agentWork = async () => {
      throw new HubError("GRAPHQL_VALIDATION_FAILED", 'Cannot query field "agentWork" on type "Query".');
    };
    await loop.run();
    expect(hub.calls.every((call) => !call.failed)).toBe(true);
    expect(hub.succeeded("renewLease").length).toBeGreaterThanOrEqual(5);
  });
});
