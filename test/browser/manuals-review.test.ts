import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../server/clock.js";
import { CONTENT_DIRECTORY } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { XSS_CORPUS } from "../../server/markdown/index.js";
import { manualContentSyncer } from "../../server/modules/manuals/manual-content-syncer.js";
import { buildApiToken, buildPerson, buildSteward } from "../support/factories.js";
import { expectData, graphql } from "../support/graphql-client.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

let hub: TestHub;
let steward: string;
let member: string;
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
  steward = await buildApiToken(dataSource, await buildSteward(dataSource));
  member = await buildApiToken(dataSource, await buildPerson(dataSource));
});
afterAll(() => hub?.stop());

const WIDE = { viewport: { width: 1440, height: 900 } };

const PROPOSE = `mutation($input: ProposeManualChangeInput!) { proposeManualChange(input: $input) { proposal { id } } }`;
const MERGE = `mutation($input: MergeManualProposalInput!) { mergeManualProposal(input: $input) { revision { number } } }`;

/** A page's global ID, current revision and Markdown, read over the API. */
async function currentPage(path: string) {
  return expectData(
    await graphql<{
      manual: {
        release: { page: { id: string; title: string; markdown: string; currentRevision: { id: string } } };
      };
    }>(
      hub.url,
      `query($path: String!) { manual(slug: "cooby-stack") { release { page(path: $path) { id title markdown currentRevision { id } } } } }`,
      { path },
    ),
  ).manual.release.page;
}

/** A member's proposal to change a page, based on the revision current when it is sent. */
async function propose(path: string, markdown: string, message: string): Promise<string> {
  const page = await currentPage(path);
  return expectData(
    await graphql<{ proposeManualChange: { proposal: { id: string } } }>(
      hub.url,
      PROPOSE,
      {
        input: {
          pageId: page.id,
          baseRevisionId: page.currentRevision.id,
          title: page.title,
          markdown,
          message,
        },
      },
      { token: member },
    ),
  ).proposeManualChange.proposal.id;
}

async function merge(proposalId: string, acceptConflict = false): Promise<number> {
  return expectData(
    await graphql<{ mergeManualProposal: { revision: { number: number } } }>(
      hub.url,
      MERGE,
      { input: { proposalId, acceptConflict } },
      { token: steward },
    ),
  ).mergeManualProposal.revision.number;
}

/** The proposal page's URL in the web app (global IDs as the app's proposal list links them). */
const proposalUrl = (id: string) => `${hub.url}/manuals/cooby-stack/proposals/${id}`;

describe("Reviewing manual changes", () => {
  it("shows a conflict on the second of two proposals once the first is merged", async () => {
    const path = "day-2-operations/certificates";
    const original = (await currentPage(path)).markdown;
    const first = await propose(
      path,
      `${original}\n## Renewal calendar\n\nRenew in March.\n`,
      "Add a calendar",
    );
    const second = await propose(path, `${original}\n## Alerting\n\nAlert 30 days ahead.\n`, "Add alerting");
    await merge(first);
    await withBrowser(async ({ page }) => {
      await page.goto(proposalUrl(second));
      await signInThroughUi(page, "Sam Steward");
      const banner = page.getByRole("alert").filter({ hasText: "Conflict" });
      await expect
        .poll(() => banner.textContent())
        .toContain("the page changed after this proposal was based");
      expect(await page.getByRole("button", { name: "Merge despite the conflict" }).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Merge", exact: true }).count()).toBe(0);
      await screenshot(page, "manuals-20-conflict");
      // The first, merged, proposal shows no conflict.
      await page.goto(proposalUrl(first));
      await expect.poll(() => page.getByText(/merged as revision \d+/).isVisible()).toBe(true);
      expect(await page.getByRole("alert").filter({ hasText: "Conflict" }).count()).toBe(0);
    }, WIDE);
  });

  it("lists a forum topic that links to the page under the page", async () => {
    const category = expectData(
      await graphql<{ createForumCategory: { category: { id: string } } }>(
        hub.url,
        `mutation($input: CreateForumCategoryInput!) { createForumCategory(input: $input) { category { id } } }`,
        {
          input: {
            slug: "stack-questions",
            name: "Stack questions",
            readAudience: "EVERYONE",
            postAudience: "SIGNED_IN",
            replyAudience: "SIGNED_IN",
          },
        },
        { token: steward },
      ),
    ).createForumCategory.category.id;
    expectData(
      await graphql(
        hub.url,
        `mutation($input: CreateForumTopicInput!) { createForumTopic(input: $input) { topic { id } } }`,
        {
          input: {
            categoryId: category,
            title: "MetalLB pool runs out of addresses",
            markdown:
              "Following [the OpenEBS page](/manuals/cooby-stack/2026.11/storage-openebs/mayastor) we hit this.",
          },
        },
        { token: member },
      ),
    );
    await withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/manuals/cooby-stack/2026.11/storage-openebs/mayastor`);
      const backlinks = page.getByRole("region", { name: "Discussed in the forum" });
      await expect.poll(() => backlinks.isVisible()).toBe(true);
      const link = backlinks.getByRole("link", { name: "MetalLB pool runs out of addresses" });
      expect(await link.getAttribute("href")).toMatch(/^\/forum\/t\//);
      await screenshot(page, "manuals-21-backlinks");
      await link.click();
      await page.waitForURL(/\/forum\/t\//);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toContain("MetalLB pool runs out of addresses");
      // A page nobody links to has no backlinks section.
      await page.goto(`${hub.url}/manuals/cooby-stack/2026.11/storage-openebs/local-pv`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Local");
      expect(await backlinks.count()).toBe(0);
    }, WIDE);
  });

  it("runs no script from any XSS corpus payload, in the proposal preview or on the merged page", async () => {
    const path = "odoo-hosting/backups";
    const markdown = XSS_CORPUS.map((payload) => payload.markdown).join("\n\n");
    const proposal = await propose(path, markdown, "XSS corpus");
    await withBrowser(async ({ page, context }) => {
      const dialogs = await trapScripts(page, context);
      await page.goto(proposalUrl(proposal));
      await expect.poll(() => page.locator(".card .manual-content").count()).toBe(1);
      await expectNothingRan(page, ".card .manual-content", dialogs);
      await expectNothingRan(page, ".manual-diff", dialogs);

      await merge(proposal);
      await page.goto(`${hub.url}/manuals/cooby-stack/2026.11/${path}`);
      await expect.poll(() => page.locator("article .manual-content").count()).toBe(1);
      // The payloads are on the page as text: the corpus was rendered, not dropped.
      expect(await page.locator("article .manual-content").textContent()).toContain(
        "<script>alert(1)</script>",
      );
      await expectNothingRan(page, "article .manual-content", dialogs);
      await screenshot(page, "manuals-22-xss-page");
    }, WIDE);
  }, 120_000);
});

/** Any script that runs calls alert/confirm/prompt or sets `window.__xss`; dialogs are recorded and dismissed. */
async function trapScripts(page: Page, context: BrowserContext): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await context.addInitScript(() => {
    const flag = () => {
      (window as unknown as { __xss: boolean }).__xss = true;
    };
    window.alert = flag;
    window.confirm = () => {
      flag();
      return false;
    };
    window.prompt = () => {
      flag();
      return null;
    };
  });
  return dialogs;
}

/** Hovers and focuses every element under `selector`, then checks that nothing ran and no active markup is left. */
async function expectNothingRan(page: Page, selector: string, dialogs: string[]): Promise<void> {
  // In the page, in one go: a round trip per element would take minutes for the diff's many lines.
  await page.evaluate((root) => {
    for (const element of Array.from(document.querySelectorAll(`${root} *`))) {
      element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      element.dispatchEvent(new FocusEvent("focus"));
      if (element instanceof HTMLElement) element.focus();
    }
  }, selector);
  const schemes = await page.$$eval(`${selector} a[href]`, (anchors) =>
    anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href, "https://hub.example/").protocol),
  );
  expect(schemes.filter((scheme) => !["http:", "https:", "mailto:"].includes(scheme))).toEqual([]);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss ?? false)).toBe(false);
  expect(dialogs).toEqual([]);
  expect(
    await page.locator(`${selector} :is(script, iframe, object, embed, svg, math, form, style)`).count(),
  ).toBe(0);
}
