import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CLOCK } from "../../agent/runtime/clock.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import { TestAgent } from "../support/cluster-agent-harness.js";
import { buildRegisteredCluster } from "../support/cluster-factories.js";
import {
  DECIDE,
  RENEW,
  REPORT,
  SET_LABELS,
  SET_MAINTENANCE,
  simulatedReport,
} from "../support/cluster-operations.js";
import { buildCaller } from "../support/factories.js";
import { expectData, graphql } from "../support/graphql-client.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

/** The machine is shared: give the page time under load. */
const POLL = { timeout: 10_000 };

let hub: TestHub;
let agent: TestAgent | undefined;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
});
afterAll(async () => {
  await agent?.stop();
  agent?.cleanUp();
  await hub?.stop();
});

describe("Joining a cluster", () => {
  it("takes an admin from join token to an available cluster a steward accepted into the federation", () =>
    withBrowser((ada) =>
      withBrowser(async (sam) => {
        const page = ada.page;
        await page.goto(`${hub.url}/`);
        await signInThroughUi(page, "Ada Admin");
        await page.getByRole("banner").getByRole("link", { name: "Clusters" }).click();
        await page.getByLabel("Cluster name").fill("berlin-1");
        await page.getByRole("button", { name: "Create join token" }).click();
        const command = page.getByTestId("secret-value").first();
        await command.waitFor();
        const joinToken = /ahj_[\w-]+/.exec((await command.textContent()) ?? "")?.[0];
        expect(joinToken).toBeTruthy();
        await screenshot(page, "clusters-01-join-command");

        agent = new TestAgent(hub.url, SYSTEM_CLOCK, 21, 6);
        await agent.join(joinToken ?? "");
        agent.start();
        await page.goto(`${hub.url}/clusters`);
        const card = page.getByRole("article").filter({ hasText: "berlin-1" });
        await expect.poll(() => card.getByText("Available", { exact: true }).isVisible(), POLL).toBe(true);
        await expect.poll(() => card.getByText("Awaiting acceptance").isVisible(), POLL).toBe(true);

        const steward = sam.page;
        await steward.goto(`${hub.url}/`);
        await signInThroughUi(steward, "Sam Steward");
        await steward.goto(`${hub.url}/stewards/clusters`);
        const accept = steward.getByRole("button", { name: "Accept berlin-1" });
        await accept.waitFor();
        await screenshot(steward, "clusters-02-acceptance-queue");
        await accept.click();
        await expect.poll(() => accept.count(), POLL).toBe(0);

        await page.reload();
        await expect.poll(() => card.getByText("In the federation").isVisible(), POLL).toBe(true);
        await card.getByRole("link", { name: "berlin-1" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), POLL).toBe("berlin-1");
        await expect
          .poll(() => page.getByRole("row", { name: /Available True/ }).isVisible(), POLL)
          .toBe(true);
        await expect.poll(() => page.getByText("Accepted", { exact: true }).isVisible(), POLL).toBe(true);
        await screenshot(page, "clusters-03-cluster-page");
        expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      }),
    ));
});

const GIB = 1024 ** 3;

/** An accepted cluster with three reports over the last 20 minutes, labels, the maintenance taint, a renewal. */
async function reportedCluster() {
  const { token } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] });
  const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource);
  const id = toGlobalId("MemberCluster", cluster.id);
  const now = Date.now();
  let last: Record<string, unknown> = {};
  for (const [index, minutesAgo] of [20, 10, 0].entries()) {
    last = {
      ...(await simulatedReport(40 + index, 6)),
      freeNodeShapes: [{ cpuAtLeastMillicores: 4000, memoryAtLeastBytes: 16 * GIB, nodes: 2 }],
    };
    const observedAt = new Date(now - minutesAgo * 60_000).toISOString();
    expectData(
      await graphql(
        hub.url,
        REPORT,
        { input: { clusterUid: cluster.clusterUid, observedAt, report: last } },
        { token: credential },
      ),
    );
  }
  expectData(
    await graphql(hub.url, RENEW, { input: { agentTime: new Date().toISOString() } }, { token: credential }),
  );
  expectData(await graphql(hub.url, DECIDE("acceptMemberCluster"), { input: { id } }, { token }));
  const labels = [
    { key: "country", value: "DE" },
    { key: "region", value: "leipzig" },
  ];
  expectData(await graphql(hub.url, SET_LABELS, { input: { id, labels } }, { token }));
  expectData(
    await graphql(
      hub.url,
      SET_MAINTENANCE,
      { input: { id, maintenance: true, reason: "kernel-upgrade" } },
      { token },
    ),
  );
  const cpu = (last.resources as Record<string, { allocatable: number; allocated: number }>).cpu;
  return { id, name: cluster.name, cpu, token };
}

describe("The cluster page", () => {
  it("shows capacity bars, the history chart, taints, labels and the events timeline after several reports", () =>
    withBrowser(async ({ page }) => {
      const cluster = await reportedCluster();
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Sam Steward");

      // The list's "fits a pod of" filter keeps the cluster for 2 CPU / 8 GiB and drops it for 8 CPU / 32 GiB.
      await page.goto(`${hub.url}/clusters`);
      const card = page.getByRole("article").filter({ hasText: cluster.name });
      await expect.poll(() => card.isVisible(), POLL).toBe(true);
      await page.getByLabel("Fits a pod of").selectOption("2/8Gi");
      await expect.poll(() => page.url(), POLL).toContain("fits=2%2F8Gi");
      await expect.poll(() => card.isVisible(), POLL).toBe(true);
      await page.getByLabel("Fits a pod of").selectOption("8/32Gi");
      await expect.poll(() => card.count(), POLL).toBe(0);

      await page.goto(`${hub.url}/clusters/${cluster.id}`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), POLL).toBe(cluster.name);
      const cpuMeter = page.getByRole("meter", { name: "CPU allocated" });
      await expect
        .poll(() => cpuMeter.getAttribute("value"), POLL)
        .toBe(String(Math.min(cluster.cpu.allocated, cluster.cpu.allocatable)));
      expect(await cpuMeter.getAttribute("max")).toBe(String(cluster.cpu.allocatable));
      expect(await page.getByRole("meter", { name: "Memory allocated" }).isVisible()).toBe(true);
      expect(await page.getByRole("meter", { name: "Pods allocated" }).isVisible()).toBe(true);

      const chart = page.getByRole("img", { name: /^CPU over the last 24 hours/ });
      await expect.poll(() => chart.isVisible(), POLL).toBe(true);
      expect(await chart.getAttribute("aria-label")).toContain(
        `of ${(cluster.cpu.allocatable / 1000).toFixed(1)} cores allocated`,
      );
      // Three series, each a line through the three reports.
      const lines = chart.locator("path");
      expect(await lines.count()).toBe(3);
      expect(((await lines.first().getAttribute("d")) ?? "").match(/[ML]/g)).toHaveLength(3);

      const taintsAndLabels = page.locator("h2:text('Taints and labels') + ul");
      await expect
        .poll(() => taintsAndLabels.locator("code").allTextContents(), POLL)
        .toEqual(["alliance.coop/maintenance=kernel-upgrade:NoSchedule", "country=DE", "region=leipzig"]);

      const events = page.locator("ol.cluster-events > li");
      const types = await events.locator("strong").allTextContents();
      expect(types[0]).toBe("MaintenanceStarted");
      expect(types).toEqual(
        expect.arrayContaining(["Registered", "Accepted", "LabelsChanged", "MaintenanceStarted"]),
      );
      expect(types.indexOf("Registered")).toBe(types.length - 1);
      expect(await events.first().locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await screenshot(page, "clusters-04-cluster-details");

      // Live status: the page long-polls clusterStatusChanged and shows a change without a reload.
      expectData(
        await graphql(
          hub.url,
          SET_MAINTENANCE,
          { input: { id: cluster.id, maintenance: false } },
          { token: cluster.token },
        ),
      );
      await expect
        .poll(() => taintsAndLabels.locator("code").allTextContents(), POLL)
        .toEqual(["country=DE", "region=leipzig"]);
      expect(await events.locator("strong").first().textContent()).toBe("MaintenanceEnded");
    }));
});
