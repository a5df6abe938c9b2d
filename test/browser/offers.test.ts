import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../server/graphql/global-id.js";
import { CooperativeEntity } from "../../server/modules/cooperatives/cooperative.entity.js";
import type { MemberCluster } from "../../server/modules/clusters/member-cluster.entity.js";
import { buildAcceptedCluster } from "../support/cluster-factories.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import {
  expectNoSeriousAxeViolations,
  requireWebBuild,
  screenshot,
  signInThroughUi,
  withBrowser,
} from "./support/browser.js";

/** The machine is shared: give the page time under load. */
const POLL = { timeout: 10_000 };

let hub: TestHub;
let cluster: MemberCluster;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  const cooperative = await hub.database.dataSource.manager.findOneByOrFail(CooperativeEntity, {
    slug: "green-hosting",
  });
  ({ cluster } = await buildAcceptedCluster(hub.database.dataSource, {
    cooperative,
    labels: { country: "DE", jurisdiction: "EU" },
  }));
});
afterAll(() => hub?.stop());

describe("The offer editor on the cluster page", () => {
  it("lets a cooperative admin offer a cluster, shows it after a reload, and version 2 after a change", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Ada Admin");
      await page.goto(`${hub.url}/clusters/${toGlobalId("MemberCluster", cluster.id)}`);
      await page.getByText("This cluster is not offered to the alliance.").waitFor(POLL);

      await page.getByLabel("CPU cap (cores)").fill("4");
      await page.getByLabel("Memory cap (GiB)").fill("16");
      await page.getByLabel("Share of free capacity (%)").fill("50");
      await page.getByRole("checkbox", { name: "Vendors" }).last().check();
      await page.getByRole("button", { name: "Add a window" }).click();
      await page.getByLabel("Time zone").fill("Europe/Berlin");
      await page.getByRole("checkbox", { name: /Preemptible/ }).check();
      await page.getByLabel("Grace period (seconds)").fill("120");
      await page.getByRole("button", { name: "Save offer" }).click();
      const summary = page.getByRole("definition").filter({ hasText: /^Version \d/ });
      await expect.poll(() => summary.textContent(), POLL).toMatch(/^Version 1 · Active/);

      await page.reload();
      await expect.poll(() => summary.textContent(), POLL).toMatch(/^Version 1 · Active/);
      await expect.poll(() => page.getByText("cpu: 4 cores; memory: 16 GiB").isVisible(), POLL).toBe(true);
      await expect.poll(() => page.getByText(/never Vendors/).isVisible(), POLL).toBe(true);
      await expect
        .poll(
          () => page.getByText(/Mon, Tue, Wed, Thu, Fri 18:00–08:00 \(Europe\/Berlin\)/).isVisible(),
          POLL,
        )
        .toBe(true);
      await expect
        .poll(() => page.getByText("Guests may be preempted with 120 s notice").isVisible(), POLL)
        .toBe(true);
      expect(await page.getByLabel("CPU cap (cores)").inputValue()).toBe("4");
      await screenshot(page, "offers-01-offered");

      await page.getByLabel("CPU cap (cores)").fill("1000000");
      await page.getByRole("button", { name: "Save offer" }).click();
      await expect
        .poll(
          () =>
            page
              .getByText(/caps\.0\.amount: at most 100000000 millicores/)
              .first()
              .isVisible(),
          POLL,
        )
        .toBe(true);

      await page.getByLabel("CPU cap (cores)").fill("2");
      await page.getByRole("button", { name: "Save offer" }).click();
      await expect.poll(() => summary.textContent(), POLL).toMatch(/^Version 2 · Active/);
      await page.reload();
      await expect.poll(() => summary.textContent(), POLL).toMatch(/^Version 2 · Active/);
      await expect.poll(() => page.getByText("cpu: 2 cores; memory: 16 GiB").isVisible(), POLL).toBe(true);
      const history = page.getByRole("table", { name: "Offer history" });
      await expect.poll(() => history.getByRole("row").count(), POLL).toBe(3);
      await expect
        .poll(() => history.getByRole("rowheader", { name: "2 (current)" }).isVisible(), POLL)
        .toBe(true);
      await screenshot(page, "offers-02-version-2");
      await expectNoSeriousAxeViolations(page, "cluster page with offer editor");
    }));

  it("shows others a read-only summary without the editor", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Sam Steward");
      await page.goto(`${hub.url}/clusters/${toGlobalId("MemberCluster", cluster.id)}`);
      const summary = page.getByRole("definition").filter({ hasText: /^Version \d/ });
      await expect.poll(() => summary.textContent(), POLL).toMatch(/^Version 2 · Active/);
      expect(await page.getByRole("button", { name: "Save offer" }).count()).toBe(0);
    }));
});
