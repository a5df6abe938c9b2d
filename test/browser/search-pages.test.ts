import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

/** A hub whose Meilisearch is away (a closed port): the search page says so; the miss log page for stewards. */
let hub: TestHub;

beforeAll(async () => {
  requireWebBuild();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  hub = await startTestHub({ env: { DEMO_SEED: "true", MEILI_HOST: `http://127.0.0.1:${port}` } });
  await hub.database.dataSource.query(
    "INSERT INTO search_miss (query, count, last_searched_at) VALUES ('longhorn backups', 7, now())",
  );
});
afterAll(() => hub?.stop());

describe("Search pages in the web app", () => {
  it("says search is unavailable and offers to try again when the engine is down", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/search?q=kubeadm`);
      const alert = page.getByRole("alert").filter({ hasText: "Search is unavailable right now" });
      await expect.poll(() => alert.isVisible()).toBe(true);
      await expect(alert.getByRole("button", { name: "Try again" }).isVisible()).resolves.toBe(true);
      await expect(page.getByText("Meilisearch").count()).resolves.toBe(0);
      await screenshot(page, "search-unavailable");
    }));

  it("lists searches that found nothing for a steward, linked from the manuals", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/manuals`);
      await signInThroughUi(page, "Sam Steward");
      await page.goto(`${hub.url}/manuals`);
      await page.getByRole("link", { name: "Searches that found nothing" }).click();
      const row = page.getByRole("row").filter({ hasText: "longhorn backups" });
      await expect.poll(() => row.isVisible()).toBe(true);
      await expect(row.getByRole("cell", { name: "7", exact: true }).isVisible()).resolves.toBe(true);
      await screenshot(page, "search-misses");
    }));
});
