import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIRECTORY } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { systemClock } from "../../server/clock.js";
import { manualContentSyncer } from "../../server/modules/manuals/manual-content-syncer.js";
import { buildCaller } from "../support/factories.js";
import { FORUM } from "../support/forum-fixtures.js";
import { expectData, graphql } from "../support/graphql-client.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { requireWebBuild, screenshot, signInThroughUi, withBrowser } from "./support/browser.js";

let hub: TestHub;
let stewardToken: string;
let topicPath: string;
let release2026: string;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub();
  const dataSource = hub.database.dataSource;
  await manualContentSyncer.sync({
    dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock: systemClock,
    logger: createLogger("silent"),
  });
  ({ token: stewardToken } = await buildCaller(dataSource, { hubRoles: ["steward"] }));
  const { token: asker } = await buildCaller(dataSource, { handle: "asker" });
  const { token: helper } = await buildCaller(dataSource, { handle: "helper" });
  const call = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    graphql<T>(hub.url, query, variables, { token }).then(expectData);
  const category = await call<{ createForumCategory: { category: { id: string } } }>(
    FORUM.createCategory,
    { input: { slug: "questions", name: "Questions", allowsAcceptedAnswers: true } },
    stewardToken,
  );
  const topic = await call<{ createForumTopic: { topic: { id: string; path: string } } }>(
    FORUM.createTopic,
    {
      input: {
        categoryId: category.createForumCategory.category.id,
        title: "How many disks per storage node?",
        markdown: "Planning our first rack.",
      },
    },
    asker,
  );
  topicPath = topic.createForumTopic.topic.path;
  const topicId = topic.createForumTopic.topic.id;
  const answer = await call<{ replyToForumTopic: { post: { id: string } } }>(
    FORUM.reply,
    { input: { topicId, markdown: "Three disks per node, one spare per rack." } },
    helper,
  );
  await call(
    `mutation($input: AcceptForumAnswerInput!) { acceptForumAnswer(input: $input) { topic { id } } }`,
    { input: { postId: answer.replyToForumTopic.post.id } },
    asker,
  );
  release2026 = (
    await call<{ manual: { release: { id: string } } }>(
      `{ manual(slug: "cooby-stack") { release(name: "2026.11") { id } } }`,
      {},
      stewardToken,
    )
  ).manual.release.id;
  await call(
    `mutation($input: StampForumTopicReleaseInput!) { stampForumTopicRelease(input: $input) { topic { id } } }`,
    { input: { topicId, releaseId: release2026 } },
    asker,
  );
});
afterAll(() => hub?.stop());

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe("Forum moderation tools in a browser", () => {
  it("a moderator sets slow mode; an answer shows 'may be outdated' after a release is cut until confirmed", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}${topicPath}`);
      await signInThroughUi(page, "Mona Moderator");
      await page.goto(`${hub.url}${topicPath}`);
      await page.getByRole("heading", { level: 1, name: "How many disks per storage node?" }).waitFor();
      await page.getByText("Topic tools").click();
      await page.getByLabel("Slow mode (seconds between posts, 0 to turn off)").fill("120");
      await page.getByRole("button", { name: "Set slow mode" }).click();
      await poll(() => page.getByText("Slow mode: one post every 120 seconds per person.").isVisible()).toBe(
        true,
      );
      await screenshot(page, "forum-moderation-01-slow-mode");

      const tools = page.getByRole("region", { name: "Accepted answer tools" });
      await tools.waitFor();
      expect(await tools.getByText("May be outdated").count()).toBe(0);
      expectData(
        await graphql(
          hub.url,
          `mutation($input: CutManualReleaseInput!) { cutManualRelease(input: $input) { release { id } } }`,
          { input: { fromReleaseId: release2026, name: "2027.05", title: "Cooby stack 2027.05" } },
          { token: stewardToken },
        ),
      );
      await page.reload();
      await poll(() => tools.getByText("May be outdated").isVisible()).toBe(true);
      await screenshot(page, "forum-moderation-02-may-be-outdated");
      await tools.getByRole("button", { name: "Confirm for 2027.05" }).click();
      await poll(() => tools.getByText("Confirmed for 2027.05 by @mona-moderator").isVisible()).toBe(true);
      expect(await tools.getByText("May be outdated").count()).toBe(0);
      await screenshot(page, "forum-moderation-03-confirmed");
    }));
});
