import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../support/sign-in.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

let hub: TestHub;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
});
afterAll(() => hub?.stop());

describe("Founding a cooperative", () => {
  it("lets a newcomer apply, shows field errors, and a steward approves it into the directory", () =>
    withBrowser((nia) =>
      withBrowser(async (sam) => {
        const page = nia.page;
        await page.goto(`${hub.url}/`);
        await signInThroughUi(page, "Nia Newcomer");
        await page.getByRole("link", { name: "Found a cooperative" }).first().click();
        await expect
          .poll(() => page.getByRole("heading", { level: 1 }).textContent())
          .toBe("Found a cooperative");

        await page.getByLabel("Name", { exact: true }).fill("Harbour Cloud Coop");
        expect(await page.getByLabel("Slug").inputValue()).toBe("harbour-cloud-coop");
        await page.getByLabel("Slug").fill("-Harbour_Cloud-");
        await page.getByLabel("Country").fill("NL");
        await page.getByLabel("Tier").selectOption("TCC_MEMBER");
        await page
          .getByLabel("Description")
          .fill("Runs Nextcloud and Odoo for port cooperatives in Rotterdam.");
        await page.getByRole("button", { name: "Send application" }).click();
        const slugError = page
          .locator(".field-invalid")
          .filter({ has: page.getByLabel("Slug") })
          .locator(".field-error");
        await expect.poll(() => slugError.textContent()).toContain("lowercase letters");
        await expect(page.getByLabel("Slug").getAttribute("aria-invalid")).resolves.toBe("true");
        await screenshot(page, "founding-01-slug-error");

        await page.getByLabel("Slug").fill("harbour-cloud");
        await page.getByRole("button", { name: "Send application" }).click();
        await page.waitForURL(`${hub.url}/cooperatives/harbour-cloud`);
        await expect.poll(() => page.getByText("Waiting for a steward").first().isVisible()).toBe(true);
        await screenshot(page, "founding-02-waiting-for-steward");

        const steward = sam.page;
        await steward.goto(`${hub.url}/`);
        await signInThroughUi(steward, "Sam Steward");
        await steward.getByRole("banner").getByRole("link", { name: "Stewards" }).click();
        const approve = steward.getByRole("button", { name: "Approve Harbour Cloud Coop" });
        await approve.waitFor();
        await screenshot(steward, "founding-03-steward-queue");
        await approve.click();
        await expect.poll(() => approve.count()).toBe(0);
        await steward.getByRole("link", { name: "Audit log" }).click();
        await expect.poll(() => steward.getByText("cooperative.approved").first().isVisible()).toBe(true);
        await screenshot(steward, "founding-04-audit-log");

        await page.reload();
        await expect
          .poll(() => page.locator(".profile-header").getByText("Approved", { exact: true }).isVisible())
          .toBe(true);
        await page.getByRole("banner").getByRole("link", { name: "Cooperatives" }).click();
        await expect
          .poll(() => page.getByRole("link", { name: "Harbour Cloud Coop" }).isVisible())
          .toBe(true);
        await screenshot(page, "founding-05-in-directory");
      }),
    ));
});

describe("Managing the members of a cooperative", () => {
  it("invites by email, adds by handle, changes a role and refuses to let the last admin leave", async () => {
    // Milo must have an account on the hub before anyone can add him by handle.
    await signIn(hub.url, "demo-milo-member");
    await withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/cooperatives/green-hosting`);
      await signInThroughUi(page, "Ada Admin");
      await expect.poll(() => page.getByRole("heading", { name: "Administration" }).isVisible()).toBe(true);

      await page.getByRole("button", { name: "Edit profile" }).click();
      await page.getByLabel("Description").fill("Hosts Odoo and Nextcloud for NGOs on renewable power.");
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect
        .poll(() => page.locator(".profile-header .lead").textContent())
        .toBe("Hosts Odoo and Nextcloud for NGOs on renewable power.");

      const invite = page.getByRole("form", { name: "Invite by email" });
      await invite.getByLabel("Email address").fill("new.member@example.org");
      await invite.getByRole("button", { name: "Create invitation" }).click();
      const link = page.getByTestId("secret-value");
      await expect.poll(() => link.textContent()).toMatch(/\/invitations\/\S+/);
      await expect.poll(() => page.getByText("new.member@example.org").first().isVisible()).toBe(true);
      await screenshot(page, "members-01-invitation-link");
      await page.reload();
      await page.getByRole("heading", { name: "Open invitations" }).waitFor();
      expect(await link.count()).toBe(0);

      const add = page.getByRole("form", { name: "Add by handle" });
      await add.getByLabel("Handle").fill("milo-member");
      await add.getByLabel("Role").selectOption("ADMIN");
      await add.getByRole("button", { name: "Add member" }).click();
      const miloRole = page.getByLabel("Role of Milo Member");
      await expect.poll(() => miloRole.inputValue()).toBe("ADMIN");

      await miloRole.selectOption("MEMBER");
      await expect.poll(() => page.getByRole("alert").count()).toBe(0);
      await page.reload();
      await expect.poll(() => page.getByLabel("Role of Milo Member").inputValue()).toBe("MEMBER");
      await screenshot(page, "members-02-roles");

      await page.getByRole("button", { name: "Leave cooperative" }).click();
      await page.getByRole("button", { name: "Yes, leave" }).click();
      const refusal = page.getByRole("alert");
      await expect.poll(() => refusal.textContent()).toContain("at least one admin");
      await screenshot(page, "members-03-last-admin-refused");
    });
  });

  it("lets the invitee open the link, sign in and accept", async () => {
    let invitationUrl = "";
    await withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/cooperatives/green-hosting`);
      await signInThroughUi(page, "Ada Admin");
      const invite = page.getByRole("form", { name: "Invite by email" });
      await invite.getByLabel("Email address").fill("nia.newcomer@example.org");
      await invite.getByRole("button", { name: "Create invitation" }).click();
      await expect.poll(() => page.getByTestId("secret-value").textContent()).toMatch(/\/invitations\/\S+/);
      invitationUrl = (await page.getByTestId("secret-value").textContent()) ?? "";
    });
    await withBrowser(async ({ page }) => {
      await page.goto(invitationUrl);
      await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Nia Newcomer", exact: true }).click();
      await page.getByRole("button", { name: "Accept invitation" }).click();
      await expect
        .poll(() => page.getByRole("status").textContent())
        .toContain("Welcome to Green Hosting Cooperative");
      await screenshot(page, "members-04-invitation-accepted");
      await page.getByRole("link", { name: "Go to its page" }).click();
      await expect
        .poll(() => page.getByRole("heading", { name: "Leave Green Hosting Cooperative" }).isVisible())
        .toBe(true);
    });
  });
});
