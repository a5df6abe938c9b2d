import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncOfficialBlueprints } from "../../server/modules/blueprints/testing/sync-official-blueprints.js";
import { toBase64Tarball, uploadFiles } from "../../server/modules/blueprints/testing/upload-fixtures.js";
import { reportRunningBlueprints } from "../support/running-blueprints.js";
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
  await syncOfficialBlueprints(hub.database.dataSource);
});
afterAll(() => hub?.stop());

describe("Blueprint catalog in the browser", () => {
  it("finds a blueprint, fills the parameter form, downloads a rendered bundle and checks its digest", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints`);
      await page.getByLabel("Search blueprints").fill("MetalLB");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByLabel("Category").selectOption("NETWORKING");
      await page.getByRole("link", { name: "MetalLB in layer 2 mode" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).first().textContent())
        .toBe("MetalLB in layer 2 mode");
      await expect
        .poll(() => page.getByText("Official (alliance content)", { exact: true }).first().isVisible())
        .toBe(true);
      await screenshot(page, "blueprints-01-page");

      const pool = page.getByRole("group", { name: "Pool" });
      const addresses = pool.getByLabel("Addresses (one per line)");
      await addresses.fill("not-an-address");
      await page.getByRole("button", { name: "Render" }).click();
      const error = page
        .locator(".field-invalid")
        .filter({ has: page.getByLabel("Addresses (one per line)") })
        .locator(".field-error");
      await expect.poll(() => error.isVisible()).toBe(true);
      await expect(addresses.getAttribute("aria-invalid")).resolves.toBe("true");
      await screenshot(page, "blueprints-02-invalid-parameter");

      await addresses.fill("192.168.50.240-192.168.50.250\n10.1.0.0/28");
      await pool.getByLabel("Avoid Buggy IPs").check();
      await page.getByRole("button", { name: "Render" }).click();
      const digest = page.getByTestId("bundle-digest");
      await expect.poll(() => digest.isVisible()).toBe(true);
      const announced = (await digest.textContent()) ?? "";
      expect(announced).toMatch(/^sha256:[0-9a-f]{64}$/);
      await page.getByRole("button", { name: "Prepare rendered bundle" }).click();
      await expect.poll(() => page.getByText("Digest verified").isVisible()).toBe(true);
      await expectNoSeriousAxeViolations(page, "blueprint page");
      await screenshot(page, "blueprints-03-bundle-ready");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download metallb-l2-1.1.0-rendered.tgz" }).click(),
      ]);
      const bytes = await readFile((await download.path()) as string);
      expect(`sha256:${createHash("sha256").update(bytes).digest("hex")}`).toBe(announced);
    }));

  it("shows how many accepted member clusters run each version", async () => {
    const { dataSource } = hub.database;
    await reportRunningBlueprints(dataSource, hub.url, [{ name: "metallb-l2", version: "1.1.0" }]);
    await withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints/metallb-l2`);
      const runningOn = page.getByTestId("running-on");
      await expect
        .poll(() => runningOn.textContent())
        .toContain("Running on 1 member cluster (this version), 1 member cluster (any version)");
      await expect.poll(() => runningOn.textContent()).toContain("blueprint.alliance-hub/version");
      await expect
        .poll(() => page.getByRole("listitem").filter({ hasText: "1.0.0 ·" }).textContent())
        .toContain("running on 0 member clusters");
    });
  });

  it("compares two versions", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints/metallb-l2`);
      await page.getByRole("link", { name: "Compare 1.0.0 with 1.1.0" }).click();
      await expect.poll(() => page.getByText("/extraPools").first().isVisible()).toBe(true);
      await screenshot(page, "blueprints-04-compare");
    }));

  it("lets a cooperative admin publish a version and yank it", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints`);
      await signInThroughUi(page, "Ada Admin");
      await page.getByRole("link", { name: "Publish a blueprint" }).click();
      const tarball = Buffer.from(toBase64Tarball(uploadFiles("browser-demo", "1.0.0")), "base64");
      await page.getByLabel("Blueprint archive (.tgz)").setInputFiles({
        name: "browser-demo.tgz",
        mimeType: "application/gzip",
        buffer: tarball,
      });
      await page.getByRole("button", { name: "Publish" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Published");
      await screenshot(page, "blueprints-05-published");
      await page.getByRole("link", { name: "browser-demo 1.0.0" }).click();
      await page.getByText("Yank 1.0.0").first().click();
      await page.getByLabel("Why is this version yanked?").fill("published by mistake");
      await page.getByRole("button", { name: "Yank 1.0.0" }).click();
      await expect
        .poll(() => page.getByText("This version is yanked: published by mistake").isVisible())
        .toBe(true);
      await screenshot(page, "blueprints-06-yanked");
    }));
});
