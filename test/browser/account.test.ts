import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

let hub: TestHub;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
});
afterAll(() => hub?.stop());

describe("Signing in through the web app", () => {
  it("takes an anonymous visitor through the provider and back, then signs them out", () =>
    withBrowser(async ({ page }) => {
      const cspErrors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
          cspErrors.push(message.text());
      });
      await page.goto(`${hub.url}/cooperatives`);
      const header = page.getByRole("banner");
      await expect.poll(() => header.getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);
      await screenshot(page, "sign-in-01-anonymous");

      await signInThroughUi(page, "Nia Newcomer");
      expect(new URL(page.url()).pathname).toBe("/cooperatives");
      await screenshot(page, "sign-in-02-signed-in");

      await page.goto(`${hub.url}/`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toContain("Nia Newcomer");

      await header.getByRole("button", { name: "Sign out" }).click();
      // The development provider asks to confirm ending its own session too.
      const confirm = page.getByRole("button", { name: "Yes, sign me out" });
      await confirm.click();
      await page.goto(`${hub.url}/`);
      await expect.poll(() => header.getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);
      await expect(header.getByRole("button", { name: "Sign out" }).count()).resolves.toBe(0);
      await screenshot(page, "sign-in-03-signed-out");
      expect(cspErrors).toEqual([]);
    }));
});

describe("API tokens on the profile page", () => {
  it("creates a token after a second-factor sign-in, shows its secret once, and revokes it", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/profile`);
      await signInThroughUi(page, "Ada Admin");
      await page.getByLabel("Token name").fill("backup job");
      await page.getByLabel("Write (mutations)").check();
      await page.getByRole("button", { name: "Create token" }).click();
      const secret = page.getByTestId("secret-value");
      await expect.poll(() => secret.textContent()).toMatch(/^ahp/);
      await expect.poll(() => page.getByText("will not be shown again").isVisible()).toBe(true);
      await expect
        .poll(() => page.getByRole("cell", { name: "backup job", exact: true }).isVisible())
        .toBe(true);
      await screenshot(page, "tokens-01-secret-once");

      await page.reload();
      await page.getByRole("cell", { name: "backup job", exact: true }).waitFor();
      expect(await secret.count()).toBe(0);
      await page.getByRole("button", { name: "Revoke backup job" }).click();
      await expect.poll(() => page.getByText(/^Revoked/).isVisible()).toBe(true);
      await screenshot(page, "tokens-02-revoked");
    }));

  it("asks for the second factor when the sign-in did not use one", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/profile`);
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
      await page.getByLabel("Use second factor").uncheck();
      await page.getByRole("button", { name: "Milo Member", exact: true }).click();
      await page.getByRole("banner").getByRole("link", { name: "Milo Member" }).waitFor();
      await page.getByLabel("Token name").fill("laptop");
      await page.getByRole("button", { name: "Create token" }).click();
      const confirm = page.getByRole("link", { name: "Confirm with your second factor" });
      await confirm.waitFor();
      expect(await confirm.getAttribute("href")).toContain("stepUp=1");
      await screenshot(page, "tokens-03-step-up-required");
    }));
});
