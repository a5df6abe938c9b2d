import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../../server/modules/search/core/search-provider.js";
import { PostgresSearchProvider } from "../../server/modules/search/postgres/postgres-search-provider.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

let hub: TestHub;

const document = (
  overrides: Partial<SearchDocument> & Pick<SearchDocument, "id" | "title" | "body">,
): SearchDocument => ({
  type: "post",
  url: `/forum/p/${overrides.id}`,
  createdAt: new Date("2026-11-20T10:00:00Z"),
  updatedAt: new Date("2026-11-20T10:00:00Z"),
  visibility: { public: true },
  ...overrides,
});

beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  const [greenHosting] = await hub.database.dataSource.query(
    "SELECT id FROM cooperative WHERE slug = 'green-hosting'",
  );
  await new PostgresSearchProvider(hub.database.dataSource).index([
    document({
      id: "public-upgrade",
      title: "Upgrading kubeadm to 1.36",
      body: "Switch the pkgs.k8s.io repository first.",
      tags: ["kubeadm"],
    }),
    document({
      id: "green-private",
      title: "Green Hosting kubeadm notes",
      body: "Our own kubeadm certificates runbook, members only.",
      tags: ["kubeadm"],
      cooperativeId: greenHosting.id,
      cooperativeSlug: "green-hosting",
      visibility: { public: false, cooperativeIds: [greenHosting.id] },
    }),
  ]);
});
afterAll(() => hub?.stop());

describe("Search in the web app", () => {
  it("finds with a typo and an operator, opens a hit, and hides another cooperative's post", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/`);
      await signInThroughUi(page, "Milo Member");
      const box = page.getByRole("searchbox", { name: "Search the hub" });
      await box.fill("kubeam tag:kubeadm");
      await expect
        .poll(() => page.getByRole("link", { name: "Upgrading kubeadm to 1.36" }).isVisible())
        .toBe(true);
      await screenshot(page, "search-01-instant");
      await box.press("Enter");
      await expect.poll(() => page.getByText("1 found").isVisible()).toBe(true);
      await expect(page.getByRole("link", { name: "Green Hosting kubeadm notes" }).count()).resolves.toBe(0);
      const snippet = page.locator(".search-result mark").first();
      await expect.poll(() => snippet.textContent()).toMatch(/kubeadm/i);
      await screenshot(page, "search-02-results-outsider");
      await page.locator(".search-results").getByRole("link", { name: "Upgrading kubeadm to 1.36" }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe("/forum/p/public-upgrade");
    }));

  it("shows the cooperative-only post to its members", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/search?q=kubeadm`);
      await signInThroughUi(page, "Ada Admin");
      await page.goto(`${hub.url}/search?q=kubeadm`);
      await expect.poll(() => page.getByText("2 found").isVisible()).toBe(true);
      await expect
        .poll(() => page.getByRole("link", { name: "Green Hosting kubeadm notes" }).isVisible())
        .toBe(true);
      await screenshot(page, "search-03-results-member");
    }));
});
