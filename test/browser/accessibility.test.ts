import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
afterAll(() => hub?.stop());

describe("Accessibility and small screens", () => {
  it("has no serious or critical axe violations on the main pages", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
      await expectNoSeriousAxeViolations(page, "anonymous home");
      await screenshot(page, "a11y-01-home-anonymous");

      await signInThroughUi(page, "Ada Admin");
      await page.getByRole("heading", { name: "Your cooperatives" }).waitFor();
      await page.getByRole("link", { name: "Green Hosting Cooperative" }).waitFor();
      await expectNoSeriousAxeViolations(page, "home");
      await screenshot(page, "a11y-02-home-signed-in");

      // Each page is checked once its data has arrived, not in its loading state.
      const pages: Array<{ path: string; label: string; ready: (page: Page) => Locator }> = [
        {
          path: "/cooperatives",
          label: "directory",
          ready: (current) => current.getByRole("link", { name: "Green Hosting Cooperative" }),
        },
        {
          path: "/cooperatives/green-hosting",
          label: "cooperative page",
          ready: (current) => current.getByRole("heading", { name: /^Members/ }),
        },
        {
          path: "/profile",
          label: "profile",
          ready: (current) => current.getByRole("heading", { name: "API tokens" }),
        },
        {
          path: "/cooperatives/new",
          label: "founding form",
          ready: (current) => current.getByRole("button", { name: "Send application" }),
        },
      ];
      for (const { path, label, ready } of pages) {
        await page.goto(`${hub.url}${path}`);
        await ready(page).waitFor();
        expect(await page.getByRole("heading", { level: 1 }).count(), `${label}: one h1`).toBe(1);
        await expectNoSeriousAxeViolations(page, label);
        await screenshot(page, `a11y-${label.replace(/ /g, "-")}`);
      }
    }));

  it("works at 375 px: the directory fits and the menu opens the navigation", () =>
    withBrowser(
      async ({ page }) => {
        await page.goto(`${hub.url}/cooperatives`);
        await page.getByRole("link", { name: "Green Hosting Cooperative" }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, "phone-01-directory", { fullPage: false });
        await expectNoSeriousAxeViolations(page, "directory on a phone");

        const forum = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Forum" });
        expect(await forum.isVisible()).toBe(false);

        const menu = page.getByRole("button", { name: "Menu" });
        await menu.click();
        expect(await menu.getAttribute("aria-expanded")).toBe("true");
        await forum.waitFor();
        await screenshot(page, "phone-02-menu-open");
        await forum.click();
        await page.getByRole("heading", { level: 1, name: "Forum" }).waitFor();
        expect(await forum.isVisible()).toBe(false);

        // Signed in, the denser pages must fit too: the sign-in link sits in the menu on a phone.
        await page.getByRole("button", { name: "Menu" }).click();
        await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
        await page.getByRole("button", { name: "Ada Admin", exact: true }).click();
        await page
          .getByRole("banner")
          .getByRole("link", { name: "Ada Admin", includeHidden: true })
          .waitFor({ state: "attached" });
        for (const [path, ready, name] of [
          ["/cooperatives/green-hosting", /^Members/, "phone-03-cooperative"],
          ["/profile", "API tokens", "phone-04-profile"],
        ] as const) {
          await page.goto(`${hub.url}${path}`);
          await page.getByRole("heading", { name: ready }).waitFor();
          const pageOverflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(pageOverflow, `${path} fits 375 px`).toBeLessThanOrEqual(0);
          await screenshot(page, name);
        }
      },
      { viewport: { width: 375, height: 812 } },
    ));
});
