import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CLOCK } from "../../agent/runtime/clock.js";
import { TestAgent } from "../support/cluster-agent-harness.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

/** The machine is shared: give the page time under load. */
const POLL = { timeout: 10_000 };

let hub: TestHub;
let agent: TestAgent | undefined;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
});
afterAll(async () => {
  await agent?.stop();
  agent?.cleanUp();
  await hub?.stop();
});

describe("Joining a cluster", () => {
  it("takes an admin from join token to an available cluster a steward accepted into the federation", () =>
    withBrowser((ada) =>
      withBrowser(async (sam) => {
        const page = ada.page;
        await page.goto(`${hub.url}/`);
        await signInThroughUi(page, "Ada Admin");
        await page.getByRole("banner").getByRole("link", { name: "Clusters" }).click();
        await page.getByLabel("Cluster name").fill("berlin-1");
        await page.getByRole("button", { name: "Create join token" }).click();
        const command = page.getByTestId("secret-value").first();
        await command.waitFor();
        const joinToken = /ahj_[\w-]+/.exec((await command.textContent()) ?? "")?.[0];
        expect(joinToken).toBeTruthy();
        await screenshot(page, "clusters-01-join-command");

        agent = new TestAgent(hub.url, SYSTEM_CLOCK, 21, 6);
        await agent.join(joinToken ?? "");
        agent.start();
        await page.goto(`${hub.url}/clusters`);
        const card = page.getByRole("article").filter({ hasText: "berlin-1" });
        await expect.poll(() => card.getByText("Available", { exact: true }).isVisible(), POLL).toBe(true);
        await expect.poll(() => card.getByText("Awaiting acceptance").isVisible(), POLL).toBe(true);

        const steward = sam.page;
        await steward.goto(`${hub.url}/`);
        await signInThroughUi(steward, "Sam Steward");
        await steward.goto(`${hub.url}/stewards/clusters`);
        const accept = steward.getByRole("button", { name: "Accept berlin-1" });
        await accept.waitFor();
        await screenshot(steward, "clusters-02-acceptance-queue");
        await accept.click();
        await expect.poll(() => accept.count(), POLL).toBe(0);

        await page.reload();
        await expect.poll(() => card.getByText("In the federation").isVisible(), POLL).toBe(true);
        await card.getByRole("link", { name: "berlin-1" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), POLL).toBe("berlin-1");
        await expect
          .poll(() => page.getByRole("row", { name: /Available True/ }).isVisible(), POLL)
          .toBe(true);
        await expect.poll(() => page.getByText("Accepted", { exact: true }).isVisible(), POLL).toBe(true);
        await screenshot(page, "clusters-03-cluster-page");
        expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      }),
    ));
});
