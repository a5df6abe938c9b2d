import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCaller, buildCooperative } from "../support/factories.js";
import { FORUM } from "../support/forum-fixtures.js";
import { expectData, graphql } from "../support/graphql-client.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

let hub: TestHub;
let spammerToken: string;
let stewardToken: string;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
  ({ token: spammerToken } = await buildCaller(hub.database.dataSource, { handle: "spammer" }));
  expectData(
    await graphql(
      hub.url,
      FORUM.createCategory,
      {
        input: {
          slug: "questions",
          name: "Questions",
          description: "Ask the alliance",
          allowsAcceptedAnswers: true,
        },
      },
      { token: stewardToken },
    ),
  );
});
afterAll(() => hub?.stop());

/** Polls patiently: two cores are shared by parallel test files, so the page can take a few seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe("The forum in a browser", () => {
  it(
    "posts, replies with a quote and a mention, notifies, accepts an answer and hides a flagged post",
    () =>
      withBrowser(({ page: ada }) =>
        withBrowser(({ page: milo }) =>
          withBrowser(async ({ page: mona }) => {
            await ada.goto(`${hub.url}/forum`);
            await signInThroughUi(ada, "Ada Admin");
            await ada.getByLabel("Title").fill("How do I rotate etcd certificates?");
            await ada.getByLabel("Text (Markdown)").fill("We run **kubeadm 1.31**. What is the safe way?");
            await ada.getByRole("button", { name: "Create topic" }).click();
            await poll(() => ada.getByRole("heading", { level: 1 }).textContent()).toBe(
              "How do I rotate etcd certificates?",
            );
            const topicUrl = ada.url();
            await screenshot(ada, "forum-01-new-topic");

            await milo.goto(topicUrl);
            await signInThroughUi(milo, "Milo Member");
            await milo.getByRole("button", { name: "Quote #1" }).click();
            const composer = milo.getByLabel(/Your reply/);
            await poll(() => composer.inputValue()).toContain("[!quote @ada-admin post:1]");
            await composer.press("End");
            await composer.pressSequentially(
              "@ada-admin run `kubeadm certs renew all`, then restart the control plane.",
            );
            await milo.getByRole("button", { name: "Post reply" }).click();
            const reply = milo.getByRole("article", { name: "Post 2 by @milo-member" });
            await reply.waitFor();
            await poll(() => reply.locator("blockquote.quote .quote-author").textContent()).toBe(
              "@ada-admin",
            );
            await poll(() => reply.locator("a.mention").textContent()).toBe("@ada-admin");
            await screenshot(milo, "forum-02-reply-with-quote");

            await ada.goto(`${hub.url}/forum`);
            const bell = ada.getByRole("link", { name: /Notifications: [1-9]\d* unread/ });
            await bell.waitFor();
            await bell.click();
            await poll(() => ada.getByText("mentioned you in").first().isVisible()).toBe(true);
            await screenshot(ada, "forum-03-notifications");
            await ada.getByRole("link", { name: "How do I rotate etcd certificates?" }).first().click();
            await ada.getByRole("button", { name: "Accept #2 as the answer" }).click();
            await poll(() =>
              ada
                .getByRole("article", { name: "Post 2 by @milo-member" })
                .getByText("Accepted answer")
                .isVisible(),
            ).toBe(true);

            // A spammer replies through the API; Ada flags it and a moderator hides it from the review queue.
            const topicId = topicUrl.split("/").at(-1) as string;
            expectData(
              await graphql(
                hub.url,
                FORUM.reply,
                { input: { topicId, markdown: "Buy cheap watches at example.com!" } },
                {
                  token: spammerToken,
                },
              ),
            );
            await ada.reload();
            await ada.getByRole("button", { name: "Flag #3" }).click();
            await mona.goto(`${hub.url}/`);
            await signInThroughUi(mona, "Mona Moderator");
            await mona.goto(`${hub.url}/forum/review`);
            await poll(() => mona.getByText("Buy cheap watches").first().isVisible()).toBe(true);
            await screenshot(mona, "forum-04-review-queue");
            await mona.getByRole("button", { name: "Agree and hide" }).click();
            await poll(() => mona.getByText("No flags waiting.").isVisible()).toBe(true);
            await ada.reload();
            const hidden = ada.getByRole("article", { name: "Post 3 by @spammer" });
            await poll(() => hidden.getByText("This post was hidden by a moderator.").isVisible()).toBe(true);
            expect(await hidden.textContent()).not.toContain("cheap watches");
          }),
        ),
      ),
    120_000,
  );

  it("lets a cooperative admin vote on a decision and acknowledge an advisory", async () => {
    const { dataSource } = hub.database;
    const proposer = await buildCaller(dataSource, { handle: "proposer" });
    await buildCooperative(dataSource, { tier: "tcc_member", admins: [proposer.person] });
    const category = async (input: Record<string, unknown>) =>
      expectData(
        await graphql<{ createForumCategory: { category: { id: string } } }>(
          hub.url,
          FORUM.createCategory,
          { input },
          {
            token: stewardToken,
          },
        ),
      ).createForumCategory.category.id;
    const decisions = await category({
      slug: "decisions",
      name: "Decisions",
      kind: "DECISION",
      readAudience: "COOPERATIVES",
    });
    const advisories = await category({
      slug: "advisories",
      name: "Advisories",
      kind: "ADVISORY",
      postAudience: "SIGNED_IN",
    });
    const create = async (input: Record<string, unknown>) =>
      expectData(
        await graphql<{ createForumTopic: { topic: { path: string } } }>(
          hub.url,
          FORUM.createTopic,
          { input },
          {
            token: proposer.token,
          },
        ),
      ).createForumTopic.topic.path;
    const decisionPath = await create({
      categoryId: decisions,
      title: "Adopt OpenEBS as the default storage",
      markdown: "Vote by tomorrow.",
      decision: {
        options: ["Adopt", "Reject"],
        quorum: 2,
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    // Stewards are exempt from posting limits, so the advisory can follow at once.
    const advisoryPath = expectData(
      await graphql<{ createForumTopic: { topic: { path: string } } }>(
        hub.url,
        FORUM.createTopic,
        {
          input: {
            categoryId: advisories,
            title: "CVE-2026-1234 in ingress-nginx",
            markdown: "Upgrade to 1.12.3.",
          },
        },
        { token: stewardToken },
      ),
    ).createForumTopic.topic.path;
    await withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}${decisionPath}`);
      await signInThroughUi(page, "Ada Admin");
      await page.goto(`${hub.url}${decisionPath}`);
      const panel = page.getByRole("region", { name: "Decision" });
      await panel.getByLabel("Adopt").check();
      await panel.getByRole("button", { name: /^Vote for / }).click();
      await poll(() => panel.getByText("Adopt: 1 vote").isVisible()).toBe(true);
      await poll(() => panel.getByRole("button", { name: /^Vote for / }).count()).toBe(0);
      await screenshot(page, "forum-05-decision-vote");
      await page.goto(`${hub.url}${advisoryPath}`);
      const acknowledgements = page.getByRole("region", { name: "Advisory acknowledgements" });
      await acknowledgements.getByRole("button", { name: /^Acknowledge for / }).click();
      await poll(() => acknowledgements.getByText("1 cooperatives have acknowledged").isVisible()).toBe(true);
    });
  }, 120_000);
});
