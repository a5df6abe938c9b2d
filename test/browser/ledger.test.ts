import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CooperativeEntity } from "../../server/modules/cooperatives/cooperative.entity.js";
import { PersonEntity } from "../../server/modules/people/person.entity.js";
import { buildAcceptedCluster } from "../support/cluster-factories.js";
import { buildPerson } from "../support/factories.js";
import { buildPlacementWithWork } from "../support/placement-factories.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { expectNoSeriousAxeViolations, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

/** The machine is shared: give the page time under load. */
const POLL = { timeout: 10_000 };
const GIB = 1024 ** 3;

/** Last month in UTC: its statement is closed, so the figures do not depend on the time the test runs. */
const now = new Date();
const lastMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const month = lastMonthStart.toISOString().slice(0, 7);
const day = (offsetDays: number) => new Date(lastMonthStart.getTime() + offsetDays * 86_400_000);
const monthName = lastMonthStart.toLocaleDateString("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  const dataSource = hub.database.dataSource;
  const green = await dataSource.manager.findOneByOrFail(CooperativeEntity, { slug: "green-hosting" });
  const campus = await dataSource.manager.findOneByOrFail(CooperativeEntity, { slug: "campus-cloud" });
  const creator = (await dataSource.manager.findOneBy(PersonEntity, {})) ?? (await buildPerson(dataSource));
  const greenCluster = (await buildAcceptedCluster(dataSource, { cooperative: green })).cluster;
  const campusCluster = (await buildAcceptedCluster(dataSource, { cooperative: campus })).cluster;
  // Green used 1 core of campus's cluster for the first two days: 48 core-hours.
  await buildPlacementWithWork(dataSource, {
    cooperative: green,
    createdById: creator.id,
    work: [
      {
        cluster: campusCluster,
        reservation: { cpu: 1000 },
        availableSince: day(0),
        removalRequestedAt: day(2),
      },
    ],
  });
  // Campus used 2 cores and 8 GiB of green's on the second day: 48 core-hours, 192 GiB-hours, 96 in total.
  await buildPlacementWithWork(dataSource, {
    cooperative: campus,
    createdById: creator.id,
    work: [
      {
        cluster: greenCluster,
        reservation: { cpu: 2000, memory: 8 * GIB },
        availableSince: day(1),
        removalRequestedAt: day(2),
      },
    ],
  });
});
afterAll(() => hub?.stop());

describe("The ledger page", () => {
  it("shows a member the month's statement lines and chart, and downloads the CSV", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Ada Admin");
      await page.goto(`${hub.url}/cooperatives/green-hosting`);
      await page.getByRole("link", { name: /^Ledger/ }).click();
      await page.getByRole("heading", { name: "Ledger of Green Hosting Cooperative" }).waitFor(POLL);
      await page.getByRole("link", { name: "← Previous month" }).click();
      await page.getByRole("heading", { name: `Statement for ${monthName}` }).waitFor(POLL);
      expect(await page.getByLabel("Month (UTC)").inputValue()).toBe(month);

      const provided = page.getByRole("table", { name: "Provided to other cooperatives" });
      const providedRow = provided.getByRole("row", { name: /Campus Cloud/ });
      expect(await providedRow.getByRole("cell").allTextContents()).toEqual(["48", "192", "0", "0", "96"]);
      const consumed = page.getByRole("table", { name: "Consumed from other cooperatives" });
      const consumedRow = consumed.getByRole("row", { name: /Campus Cloud/ });
      expect(await consumedRow.getByRole("cell").allTextContents()).toEqual(["48", "0", "0", "0", "48"]);

      const chart = page.getByRole("img", { name: `Given vs used per day, ${monthName}` });
      expect(await chart.isVisible()).toBe(true);
      expect(await chart.locator("rect").count()).toBeGreaterThanOrEqual(56);
      await page.getByText("The chart's figures as a table").click();
      const dayTable = page.getByRole("table", { name: `Given vs used per day, ${monthName}, per day` });
      const secondDay = dayTable.getByRole("row", { name: new RegExp(day(1).toISOString().slice(0, 10)) });
      expect(await secondDay.getByRole("cell").allTextContents()).toEqual(["96", "24"]);
      const standings = page.getByRole("table", { name: "Fair-share standings" });
      await expect.poll(() => standings.getByRole("row").count(), POLL).toBeGreaterThanOrEqual(3);
      await screenshot(page, "ledger-01-statement");
      await expectNoSeriousAxeViolations(page, "ledger page");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`ledger-green-hosting-${month}.csv`);
      const csv = await readFile(await download.path(), "utf8");
      expect(csv.split("\r\n")).toEqual([
        "month,direction,counterparty_slug,counterparty_name,core_seconds,memory_gib_seconds,storage_gib_seconds,gpu_seconds,equivalent_seconds",
        `${month},provided,campus-cloud,Campus Cloud,172800.000,691200.000,0.000,0.000,345600.000`,
        `${month},consumed,campus-cloud,Campus Cloud,172800.000,0.000,0.000,0.000,172800.000`,
        "",
      ]);
    }));

  it("fits a phone: wide tables scroll inside the page, not the page itself", () =>
    withBrowser(
      async ({ page }) => {
        await page.goto(`${hub.url}/`);
        await page.getByRole("button", { name: "Menu" }).click();
        await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
        await page.getByRole("button", { name: "Ada Admin", exact: true }).click();
        await page
          .getByRole("banner")
          .getByRole("link", { name: "Ada Admin", includeHidden: true })
          .waitFor({ state: "attached" });
        await page.goto(`${hub.url}/cooperatives/green-hosting/ledger?month=${month}`);
        await page.getByRole("table", { name: "Provided to other cooperatives" }).waitFor(POLL);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, "ledger-02-phone");
      },
      { viewport: { width: 375, height: 812 } },
    ));

  it("asks an anonymous visitor to sign in", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/cooperatives/green-hosting/ledger`);
      await page.getByText("Sign in to see the ledger.").waitFor(POLL);
    }));
});
