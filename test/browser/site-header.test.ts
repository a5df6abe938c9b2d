import type { Page } from "playwright-core";
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

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Every header control must sit inside the dark header, or its light text lands on the light page. */
const controlsOutsideHeader = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector(".site-header")?.getBoundingClientRect();
    if (!header) return ["no header"];
    return Array.from(document.querySelectorAll(".site-header a, .site-header button, .site-header input"))
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < header.left || box.right > header.right || box.bottom > header.bottom + 0.5;
      })
      .map((element) => element.textContent?.trim() || element.getAttribute("aria-label") || element.tagName);
  });

const WIDTHS = [
  { width: 1280, label: "desktop", menu: false },
  { width: 768, label: "tablet", menu: true },
  { width: 390, label: "phone", menu: true },
];

describe("The signed-in site header", () => {
  // The steward has the longest header: every section, "Stewards", notifications and the account.
  it(
    "fits the window at desktop, tablet and phone widths and passes axe",
    () =>
      withBrowser(async ({ page }) => {
        await page.goto(`${hub.url}/`);
        await signInThroughUi(page, "Sam Steward");
        const banner = page.getByRole("banner");
        for (const { width, label, menu } of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${hub.url}/forum`);
          await page.getByRole("heading", { level: 1 }).waitFor();
          await banner.locator(".forum-notifications-link").waitFor({ state: "attached" });
          if (menu) {
            // Narrow screens fold the navigation and the account into the menu button.
            expect(await banner.getByRole("button", { name: "Sign out" }).isVisible(), label).toBe(false);
            await banner.getByRole("button", { name: "Menu" }).click();
          }
          await banner.getByRole("button", { name: "Sign out" }).waitFor();
          await banner.getByRole("link", { name: /^Notifications/ }).waitFor();
          expect(await horizontalOverflow(page), `${label}: no sideways scroll`).toBeLessThanOrEqual(0);
          expect(await controlsOutsideHeader(page), `${label}: controls inside the header`).toEqual([]);
          await expectNoSeriousAxeViolations(page, `${label} header`);
          await screenshot(page, `site-header-${width}`, { fullPage: false });
        }
      }),
    90_000,
  );
});
