import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));

/** Where screenshots of key steps go, for people reviewing a run. */
export const SCREENSHOT_DIRECTORY = join(REPOSITORY, "test/artifacts/screenshots");

/** The built web app the hub serves; the browser tests exercise that build. */
const WEB_INDEX = join(REPOSITORY, "web/dist/index.html");

const CHROMIUM_ARGUMENTS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails with a clear message when the web app has not been built (the hub would answer 503). */
export function requireWebBuild(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error("web/dist/index.html is missing: build the web app first with `npm run build:web`.");
  }
}

/** A browser with its own profile (cookies), closed and deleted by `close()`. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Starts Debian's Chromium headless with a fresh profile. Each person in a test gets their own browser. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<TestBrowser> {
  requireWebBuild();
  const profile = await mkdtemp(join(tmpdir(), "hub-browser-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGUMENTS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the UI: the header's "Sign in", then the demo person's button on the development provider's
 * page (its second-factor box is ticked by default). Waits until the hub shows the person's name.
 */
export async function signInThroughUi(page: Page, personName: string): Promise<void> {
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("button", { name: personName, exact: true }).click();
  await expect
    .poll(() => page.getByRole("banner").getByRole("link", { name: personName }).isVisible())
    .toBe(true);
}

/** Saves a screenshot (the full page unless said otherwise) as `test/artifacts/screenshots/<name>.png`. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await mkdir(SCREENSHOT_DIRECTORY, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIRECTORY, `${name}.png`),
    fullPage: options.fullPage ?? true,
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page and asserts that no violation is serious or critical. axe is evaluated through the
 * DevTools protocol rather than `addScriptTag`: the hub's CSP (`script-src 'self'`) rightly blocks the inline
 * script tag, and turning the CSP off would hide the very problems these tests should catch.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  const serious = violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** Runs `use` with a fresh browser and always closes it, so a failing step leaves no Chromium behind. */
export async function withBrowser(
  use: (browser: TestBrowser) => Promise<void>,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<void> {
  const browser = await launchBrowser(options);
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}
