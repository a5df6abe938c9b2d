import { describe, expect, it } from "vitest";
import type { AgentLogger } from "../agent-loop.js";
import { SimulatedClusterSource } from "../cluster/simulated-source.js";
import { VirtualClock } from "../runtime/clock.js";
import { computeStatusReport } from "../status/status-report.js";
import { FakeHub } from "../testing/fake-hub.js";
import { SourceWithGuestPods } from "./guest-pods.js";
import { SimulatedWorkTarget } from "./simulated-target.js";
import { WorkReconciler } from "./work-reconciler.js";

const SILENT: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ITEM = {
  id: "work-1",
  generation: 1,
  desiredState: "PRESENT" as const,
  namespace: "alliance-guest-campus-cloud-1",
  guestCooperativeSlug: "campus-cloud",
  placementId: "placement-1",
  replicas: 3,
  reservation: [{ resource: "cpu", amount: 6000 }],
  manifests: [
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: {
        replicas: 3,
        template: {
          spec: { containers: [{ name: "web", resources: { requests: { cpu: "2", memory: "1Gi" } } }] },
        },
      },
    },
    { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data" }, spec: {} },
  ],
};

function setup() {
  const clock = new VirtualClock(new Date("2026-11-25T09:00:00Z"));
  const hub = new FakeHub({ now: () => clock.now() });
  const target = new SimulatedWorkTarget({ now: () => clock.now(), readyAfterMs: 5000, terminationMs: 2000 });
  const work = new WorkReconciler({ hub, target, logger: SILENT, now: () => clock.now() });
  return { clock, hub, target, work };
}

const available = (hub: FakeHub) =>
  hub.workReports.at(-1)?.conditions.find((condition) => condition.type === "Available")?.status;

describe("Simulated work target", () => {
  it("makes workloads available and claims bound after the simulated delay", async () => {
    const { clock, hub, work } = setup();
    hub.work = [structuredClone(ITEM)];
    await work.reconcile();
    expect(available(hub)).toBe("False");
    expect(hub.workReports[0].objects.slice(4).map((object) => object.status)).toEqual([
      "Progressing",
      "Pending",
    ]);
    clock.advance(5000);
    await work.reconcile();
    expect(available(hub)).toBe("True");
    expect(hub.workReports[1].objects.slice(4).map((object) => object.status)).toEqual([
      "Available",
      "Bound",
    ]);
  });

  it("keeps a deleted namespace Terminating for a while, then drops it with its objects", async () => {
    const { clock, hub, target, work } = setup();
    hub.work = [structuredClone(ITEM)];
    await work.reconcile();
    hub.work = [{ ...structuredClone(ITEM), generation: 2, desiredState: "ABSENT" }];
    await work.reconcile();
    expect(hub.workReports.at(-1)?.removed).toBeUndefined();
    clock.advance(2000);
    await work.reconcile();
    expect(hub.workReports.at(-1)?.removed).toBe(true);
    expect(target.list()).toEqual([]);
  });

  it("refuses objects in a namespace that does not exist, as an API server would", async () => {
    const { target } = setup();
    await expect(
      target.apply("/apis/apps/v1/namespaces/alliance-guest-x/deployments/web", { kind: "Deployment" }),
    ).rejects.toThrow(/not found/);
  });

  it("counts the guest pods in the simulated cluster's capacity", async () => {
    const { clock, hub, target, work } = setup();
    const base = new SimulatedClusterSource({ seed: 5, nodes: 4, now: () => clock.now() });
    const source = new SourceWithGuestPods(base, target);
    const before = computeStatusReport("v1.34.2", await source.snapshot()).resources.cpu;
    hub.work = [structuredClone(ITEM)];
    await work.reconcile();
    const pending = computeStatusReport("v1.34.2", await source.snapshot()).resources.cpu;
    expect(pending.pending - before.pending).toBe(6000);
    clock.advance(5000);
    await work.reconcile();
    const running = computeStatusReport("v1.34.2", await source.snapshot()).resources.cpu;
    expect(running.allocated - before.allocated).toBe(6000);
  });
});
