import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIRECTORY } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { cutManualRelease } from "../../server/modules/manuals/cut-manual-release.js";
import { ManualEntity } from "../../server/modules/manuals/manual.entity.js";
import { manualContentSyncer } from "../../server/modules/manuals/manual-content-syncer.js";
import { ManualReleaseEntity } from "../../server/modules/manuals/manual-release.entity.js";
import { systemClock } from "../../server/clock.js";
import { inTransaction } from "../../server/db/transaction.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import {
  expectNoSeriousAxeViolations,
  requireWebBuild,
  screenshot,
  signInThroughUi,
  withBrowser,
} from "./support/browser.js";

let hub: TestHub;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  const dataSource = hub.database.dataSource;
  await manualContentSyncer.sync({
    dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock: systemClock,
    logger: createLogger("silent"),
  });
  const manual = await dataSource.manager.findOneByOrFail(ManualEntity, { slug: "cooby-stack" });
  const current = await dataSource.manager.findOneByOrFail(ManualReleaseEntity, {
    manualId: manual.id,
    name: "2026.11",
  });
  await inTransaction(dataSource, (manager) =>
    cutManualRelease(manager, { personId: null, requestId: null, now: new Date() }, manual, current, {
      name: "2027.05",
      title: "Cooby stack 2027.05 (draft)",
      status: "unreleased",
    }),
  );
});
afterAll(() => hub?.stop());

describe("Reading and improving a manual", () => {
  it("reads a page, switches release, proposes an edit that a maintainer merges, and shows the diff", () =>
    withBrowser((milo) =>
      withBrowser(async (sam) => {
        const page = milo.page;
        await page.goto(`${hub.url}/manuals/cooby-stack/2026.11/load-balancing-metallb/layer2`);
        await expect
          .poll(() => page.getByRole("heading", { level: 1 }).textContent())
          .toContain("Layer 2 configuration");
        expect(
          await page
            .getByRole("navigation", { name: "On this page" })
            .getByRole("link", { name: "Pools" })
            .count(),
        ).toBe(1);
        expect(await page.locator("button.copy-code[data-copy]").count()).toBeGreaterThan(0);
        await page.locator("button.copy-code[data-copy]").first().click();
        await expect
          .poll(() => page.evaluate(() => navigator.clipboard.readText()))
          .toContain("IPAddressPool");
        await screenshot(page, "manuals-01-page");
        await expectNoSeriousAxeViolations(page, "manual page");

        await page.getByLabel("Release").selectOption("2027.05");
        await page.waitForURL(`${hub.url}/manuals/cooby-stack/2027.05/load-balancing-metallb/layer2`);
        await expect.poll(() => page.getByRole("note").first().textContent()).toContain("not released yet");
        await screenshot(page, "manuals-02-unreleased-banner");

        await page
          .getByRole("navigation", { name: "Manual chapters" })
          .getByRole("link", { name: "Hardware" })
          .click();
        await page.waitForURL(`${hub.url}/manuals/cooby-stack/2027.05/planning/hardware`);
        await signInThroughUi(page, "Milo Member");
        await page.getByRole("link", { name: "Edit this page" }).click();
        const editor = page.getByLabel("Text (Markdown)");
        await editor.fill(`${await editor.inputValue()}\n## Spare parts\n\nKeep one spare disk per node.\n`);
        await page.getByLabel("What did you change and why?").fill("Add spare parts");
        await page.getByRole("button", { name: "Send proposal" }).click();
        await page.waitForURL(/\/manuals\/cooby-stack\/proposals\//);
        await expect.poll(() => page.locator(".manual-diff").textContent()).toContain("Spare parts");
        const proposalUrl = page.url();
        await screenshot(page, "manuals-03-proposal");

        const steward = sam.page;
        await steward.goto(`${hub.url}/`);
        await signInThroughUi(steward, "Sam Steward");
        await steward.goto(proposalUrl);
        await steward.getByRole("button", { name: "Merge", exact: true }).click();
        await expect.poll(() => steward.getByText("merged as revision 2").isVisible()).toBe(true);
        await screenshot(steward, "manuals-04-merged");

        await page.goto(`${hub.url}/manuals/cooby-stack/2027.05/planning/hardware`);
        await expect.poll(() => page.getByText("Keep one spare disk per node.").isVisible()).toBe(true);
        await page.getByRole("link", { name: "History" }).click();
        await page.getByRole("button", { name: "Compare 1 → 2" }).click();
        await expect
          .poll(() => page.getByRole("region", { name: "Changes from revision 1 to 2" }).textContent())
          .toContain("Keep one spare disk per node.");
        await screenshot(page, "manuals-05-history-diff");

        await page.goto(`${hub.url}/manuals/cooby-stack/2026.11/planning/hardware`);
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Hardware");
        expect(await page.getByText("Keep one spare disk per node.").count()).toBe(0);
      }),
    ));
});
