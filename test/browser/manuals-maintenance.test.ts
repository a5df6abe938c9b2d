import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../server/clock.js";
import { CONTENT_DIRECTORY } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { manualContentSyncer } from "../../server/modules/manuals/manual-content-syncer.js";
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
  await manualContentSyncer.sync({
    dataSource: hub.database.dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock: systemClock,
    logger: createLogger("silent"),
  });
});
afterAll(() => hub?.stop());

/** The rendered width of the IP plan diagram once loaded (0 while broken or not yet loaded). */
const diagramWidth = (page: import("playwright-core").Page) =>
  page.evaluate(() => {
    const image = document.querySelector<HTMLImageElement>('.manual-content img[src$="ip-plan.svg"]');
    return image?.complete ? image.naturalWidth : 0;
  });

describe("Maintaining a manual", () => {
  it("shows the IP plan diagram from content/ on the planning page", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/manuals/cooby-stack/2026.11/planning/ip-and-dns-plan`);
      await expect.poll(() => diagramWidth(page)).toBeGreaterThan(0);
      expect(await page.getByRole("img", { name: /IP plan and HA topology of coop-prod/ }).isVisible()).toBe(
        true,
      );
      await screenshot(page, "manuals-10-image", { fullPage: false });
    }));

  it("a member proposes a new page; a maintainer merges it and it appears in the sidebar", () =>
    withBrowser(({ page: milo }) =>
      withBrowser(async ({ page: sam }) => {
        await milo.goto(`${hub.url}/manuals/cooby-stack/2026.11`);
        await signInThroughUi(milo, "Milo Member");
        await milo.getByRole("link", { name: "Propose a new page" }).click();
        await milo.waitForURL(/\/manuals\/cooby-stack\/proposals\/new\?release=2026\.11/);
        await milo.getByLabel("Chapter", { exact: true }).selectOption({ label: "Planning a cluster" });
        await milo.getByLabel("Slug").fill("spare-parts");
        await milo.getByLabel("Title").fill("Spare parts");
        await milo.getByLabel("Summary").fill("What to keep on the shelf.");
        await milo
          .getByLabel("Text (Markdown)")
          .fill("# Spare parts\n\nKeep one spare NVMe per Mayastor node. See [hardware](hardware.md).\n");
        await milo.getByLabel("Why is this page needed?").fill("Nobody plans spares");
        await screenshot(milo, "manuals-11-new-page-form");
        await expectNoSeriousAxeViolations(milo, "new page proposal");
        await milo.getByRole("button", { name: "Send proposal" }).click();
        await milo.waitForURL(/\/manuals\/cooby-stack\/proposals\/(?!new)/);
        await expect.poll(() => milo.locator(".manual-diff").textContent()).toContain("Keep one spare NVMe");

        await sam.goto(milo.url());
        await signInThroughUi(sam, "Sam Steward");
        await sam.getByRole("button", { name: "Merge", exact: true }).click();
        await expect.poll(() => sam.getByText("merged as revision 1").isVisible()).toBe(true);

        await milo.goto(`${hub.url}/manuals/cooby-stack/2026.11/planning`);
        const sidebar = milo.getByRole("navigation", { name: "Manual chapters" });
        await sidebar.getByRole("link", { name: "Spare parts" }).click();
        await milo.waitForURL(`${hub.url}/manuals/cooby-stack/2026.11/planning/spare-parts`);
        await expect.poll(() => milo.getByRole("heading", { level: 1 }).textContent()).toBe("Spare parts");
      }),
    ));

  it("a maintainer cuts a release, the switcher shows it with its banner, and sets its status", () =>
    withBrowser(async ({ page: sam }) => {
      await sam.goto(`${hub.url}/manuals/cooby-stack`);
      await signInThroughUi(sam, "Sam Steward");
      await sam.getByRole("link", { name: "Releases and maintainers" }).click();
      await sam.waitForURL(`${hub.url}/manuals/cooby-stack/maintain`);
      const cut = sam.getByRole("form", { name: "Cut a release" });
      await cut.getByLabel("Copy the text of").selectOption("2026.11");
      await cut.getByLabel("Release name").fill("2027.05");
      await cut.getByLabel("Release title").fill("Cooby stack 2027.05");
      await screenshot(sam, "manuals-12-maintenance");
      await cut.getByRole("button", { name: "Cut release" }).click();
      await sam.waitForURL(`${hub.url}/manuals/cooby-stack/2027.05`);
      await expect.poll(() => sam.getByRole("note").first().textContent()).toContain("not released yet");
      const switcher = sam.getByLabel("Release");
      expect(await switcher.inputValue()).toBe("2027.05");
      expect(await switcher.locator("option").allTextContents()).toContain("2027.05 (Unreleased)");
      // The cut release shows the diagram from its origin's folder.
      await sam.goto(`${hub.url}/manuals/cooby-stack/2027.05/planning/ip-and-dns-plan`);
      await expect.poll(() => diagramWidth(sam)).toBeGreaterThan(0);

      await sam.goto(`${hub.url}/manuals/cooby-stack/maintain`);
      await sam.getByLabel("Status of 2027.05", { exact: true }).selectOption("UNMAINTAINED");
      await sam.getByRole("button", { name: "Set status of 2027.05" }).click();
      await expect
        .poll(() => sam.getByRole("button", { name: "Set status of 2027.05" }).isDisabled())
        .toBe(true);
      await sam.goto(`${hub.url}/manuals/cooby-stack/2027.05`);
      await expect.poll(() => sam.getByRole("note").first().textContent()).toContain("no longer maintained");
      await screenshot(sam, "manuals-13-unmaintained-banner");
    }));

  it("a steward adds a maintainer, who then reads the page feedback with its comment", () =>
    withBrowser(({ page: sam }) =>
      withBrowser(({ page: ada }) =>
        withBrowser(async ({ page: milo }) => {
          await milo.goto(`${hub.url}/manuals/cooby-stack/2026.11/planning/hardware`);
          await signInThroughUi(milo, "Milo Member");
          expect(await milo.getByRole("link", { name: "Feedback", exact: true }).count()).toBe(0);
          await milo.goto(`${hub.url}/manuals/cooby-stack/maintain`);
          await milo.getByRole("heading", { name: "Maintainers", exact: true }).waitFor();
          expect(await milo.getByRole("form", { name: "Add a maintainer" }).count()).toBe(0);
          expect(await milo.getByRole("form", { name: "Cut a release" }).count()).toBe(0);
          await expectNoSeriousAxeViolations(milo, "manual maintenance, read only");

          await sam.goto(`${hub.url}/manuals/cooby-stack/maintain`);
          await signInThroughUi(sam, "Sam Steward");
          const add = sam.getByRole("form", { name: "Add a maintainer" });
          await add.getByLabel("Maintainer kind").selectOption("person");
          await add.getByLabel("Person handle").fill("milo-member");
          await add.getByRole("button", { name: "Add maintainer" }).click();
          await expect
            .poll(() => sam.getByRole("button", { name: "Remove Milo Member (@milo-member)" }).isVisible())
            .toBe(true);
          await screenshot(sam, "manuals-14-maintainers");

          await ada.goto(`${hub.url}/manuals/cooby-stack/2026.11/planning/hardware`);
          await signInThroughUi(ada, "Ada Admin");
          await ada.getByLabel("Comment (optional)").fill("Please add a rack diagram");
          await ada.getByRole("button", { name: "No", exact: true }).click();
          await expect.poll(() => ada.getByText("Thank you for the feedback.").isVisible()).toBe(true);

          await milo.goto(`${hub.url}/manuals/cooby-stack/2026.11/planning/hardware`);
          await milo.getByRole("link", { name: "Feedback", exact: true }).click();
          const feedback = milo.getByRole("region", { name: "Feedback on this page" });
          await expect.poll(() => feedback.textContent()).toContain("Please add a rack diagram");
          expect(await feedback.textContent()).toContain("Not helpful");
          expect(await feedback.textContent()).toContain("@ada-admin");
          await screenshot(milo, "manuals-15-feedback");
          await expectNoSeriousAxeViolations(milo, "page feedback");
        }),
      ),
    ));
});
