import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCaller } from "../support/factories.js";
import { FORUM } from "../support/forum-fixtures.js";
import { expectData, graphql } from "../support/graphql-client.js";
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
  const { token } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] });
  expectData(
    await graphql(
      hub.url,
      FORUM.createCategory,
      { input: { slug: "releases", name: "Releases", description: "Stack releases" } },
      { token },
    ),
  );
});
afterAll(() => hub?.stop());

/** Polls patiently: two cores are shared by parallel test files, so the page can take a few seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe("Forum notification preferences in a browser", () => {
  it(
    "mutes a category from its page, watches it from the preferences, and keeps both after a reload",
    () =>
      withBrowser(async ({ page }) => {
        await page.goto(`${hub.url}/forum?c=releases`);
        await signInThroughUi(page, "Milo Member");
        const categoryLevel = page.getByLabel("Notifications for Releases");
        await categoryLevel.selectOption("MUTED");
        await poll(() => categoryLevel.isEnabled()).toBe(true);
        await page.reload();
        await poll(() => page.getByLabel("Notifications for Releases").inputValue()).toBe("MUTED");
        await screenshot(page, "forum-preferences-01-category-muted");

        await page.goto(`${hub.url}/forum/preferences`);
        const releases = page.getByLabel("Releases", { exact: true });
        await poll(() => releases.inputValue()).toBe("MUTED");
        await releases.selectOption("WATCHING");
        await poll(() => releases.isEnabled()).toBe(true);
        const digest = page.getByLabel("Send me a digest of unread activity I watch");
        await poll(() => digest.isChecked()).toBe(true);
        await digest.uncheck();
        await poll(() => page.getByRole("status").textContent()).toBe("Saved.");
        await page.reload();
        await poll(() => page.getByLabel("Releases", { exact: true }).inputValue()).toBe("WATCHING");
        await poll(() => page.getByLabel("Send me a digest of unread activity I watch").isChecked()).toBe(
          false,
        );
        expect(
          await page.getByLabel("Email me at once when someone mentions me or my cooperative").isChecked(),
        ).toBe(true);
        await expectNoSeriousAxeViolations(page, "preferences");
        await screenshot(page, "forum-preferences-02-preferences");

        await page.goto(`${hub.url}/forum?c=releases`);
        await poll(() => page.getByLabel("Notifications for Releases").inputValue()).toBe("WATCHING");
      }),
    90_000,
  );
});
