import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../server/graphql/global-id.js";
import type { MemberCluster } from "../../server/modules/clusters/member-cluster.entity.js";
import type { Cooperative } from "../../server/modules/cooperatives/cooperative.entity.js";
import { CooperativeEntity } from "../../server/modules/cooperatives/cooperative.entity.js";
import { PlacementDecisionEntity } from "../../server/modules/placement/model/placement-decision.entity.js";
import { PlacementWorkEntity } from "../../server/modules/placement/model/placement-work.entity.js";
import { PersonEntity } from "../../server/modules/people/person.entity.js";
import { buildAcceptedCluster } from "../support/cluster-factories.js";
import { buildPlacementWithWork } from "../support/placement-factories.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import {
  expectNoSeriousAxeViolations,
  requireWebBuild,
  screenshot,
  signInThroughUi,
  withBrowser,
} from "./support/browser.js";

/** The machine is shared: give the page time under load. */
const POLL = { timeout: 15_000 };

let hub: TestHub;
let greenHosting: Cooperative;
let campusCloud: Cooperative;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  const manager = hub.database.dataSource.manager;
  greenHosting = await manager.findOneByOrFail(CooperativeEntity, { slug: "green-hosting" });
  campusCloud = await manager.findOneByOrFail(CooperativeEntity, { slug: "campus-cloud" });
});
afterAll(() => hub?.stop());

describe("The placement page", () => {
  let cluster: MemberCluster;
  let placementId: string;
  let workId: string;

  beforeAll(async () => {
    const dataSource = hub.database.dataSource;
    ({ cluster } = await buildAcceptedCluster(dataSource, {
      cooperative: campusCloud,
      labels: { country: "CH", jurisdiction: "CH" },
    }));
    const sam = await dataSource.manager.findOneByOrFail(PersonEntity, { handle: "sam-steward" });
    const { placement, work } = await buildPlacementWithWork(dataSource, {
      cooperative: greenHosting,
      createdById: sam.id,
      work: [{ cluster, replicas: 2 }],
      overrides: { name: "shop" },
    });
    placementId = placement.id;
    workId = work[0].id;
    await dataSource.manager.save(PlacementDecisionEntity, {
      placementId,
      decidedAt: new Date(),
      outcome: "placed",
      trigger: "initial",
      requestedReplicas: 2,
      placeableReplicas: 2,
      fairShare: 1,
      weights: { freeCapacity: 1, fairShare: 1, balance: 1, keepExisting: 1, leaseLosses: 1, preferOwn: 0 },
      explanation: [
        { clusterId: cluster.id, scores: { freeCapacity: 80, fairShare: 0 }, total: 80, chosenReplicas: 2 },
      ],
    });
  });

  it("shows the work per cluster, updates without reload when the agent reports, and explains the decision", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Ada Admin");
      await page.getByRole("banner").getByRole("link", { name: "Placements" }).click();
      const own = page.getByRole("table", { name: "Our placements" });
      await own.getByRole("link", { name: "shop" }).click();
      await page.getByRole("heading", { level: 1, name: "shop" }).waitFor(POLL);
      const row = page.getByRole("row", { name: `Work on ${cluster.name}` });
      await expect.poll(() => row.textContent(), POLL).toContain("waiting for the agent");
      expect(await row.textContent()).toContain("not reported");
      await expect.poll(() => page.getByText("Updating every few seconds").isVisible(), POLL).toBe(true);

      // The agent reports: the open page shows it within a few seconds, without a reload.
      await hub.database.dataSource.manager.update(PlacementWorkEntity, workId, {
        observedGeneration: 1,
        reportedAt: new Date(),
        conditions: [
          {
            type: "Applied",
            status: "True",
            reason: "Applied",
            message: "",
            lastTransitionTime: new Date().toISOString(),
          },
          {
            type: "Available",
            status: "True",
            reason: "Ready",
            message: "",
            lastTransitionTime: new Date().toISOString(),
          },
        ],
        objects: [
          { apiVersion: "apps/v1", kind: "Deployment", name: "web", status: "Available", message: "2/2" },
        ],
      });
      await expect.poll(() => row.getByText("Available True").isVisible(), POLL).toBe(true);
      expect(await row.textContent()).toContain("Deployment/web: Available");
      await expect.poll(() => page.getByText("Updating every few seconds").count(), POLL).toBe(0);

      const explanation = page.getByRole("table", { name: "Every cluster the scheduler considered" });
      expect(await explanation.getByRole("rowheader", { name: cluster.name }).isVisible()).toBe(true);
      expect(await explanation.textContent()).toContain("Chosen: 2 replicas");
      expect(await page.getByRole("button", { name: "Cancel placement" }).isVisible()).toBe(true);
      await screenshot(page, "placements-01-placement-page");
      await expectNoSeriousAxeViolations(page, "placement page");
    }));

  it("lists the placement for the provider's member under the placements on their clusters, without cancel", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Milo Member");
      await page.goto(`${hub.url}/placements`);
      const hosted = page.getByRole("table", { name: "Placements of other cooperatives on our clusters" });
      await hosted.getByRole("link", { name: "shop" }).waitFor(POLL);
      await expectNoSeriousAxeViolations(page, "placements list");
      await page.goto(`${hub.url}/placements/${toGlobalId("Placement", placementId)}`);
      await page.getByRole("heading", { level: 1, name: "shop" }).waitFor(POLL);
      expect(await page.getByRole("button", { name: "Cancel placement" }).count()).toBe(0);
    }));
});
