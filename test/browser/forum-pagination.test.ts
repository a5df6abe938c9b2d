import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId } from "../../server/graphql/global-id.js";
import { buildCaller } from "../support/factories.js";
import { createCategory, FORUM } from "../support/forum-fixtures.js";
import { expectData, graphql } from "../support/graphql-client.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import {
  expectNoSeriousAxeViolations,
  requireWebBuild,
  screenshot,
  signInThroughUi,
  withBrowser,
} from "./support/browser.js";

const REPLIES = 120;
let hub: TestHub;
let topicPath: string;
beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
  const { dataSource } = hub.database;
  const steward = await buildCaller(dataSource, { hubRoles: ["steward"], handle: "long-talker" });
  const categoryId = await createCategory(hub, steward.token, { slug: "ops", name: "Operations" });
  const topic = expectData(
    await graphql<{ createForumTopic: { topic: { id: string; path: string } } }>(
      hub.url,
      FORUM.createTopic,
      { input: { categoryId, title: "A long incident thread", markdown: "reply 1" } },
      { token: steward.token },
    ),
  ).createForumTopic.topic;
  topicPath = topic.path;
  // 120 replies straight into the table (the posting limits are not under test); numbers 2..121.
  const topicId = fromGlobalId(topic.id, "ForumTopic", "id");
  await dataSource.query(
    `INSERT INTO forum_post (topic_id, number, author_id, markdown, html, created_at, updated_at)
     SELECT $1, n, $2, 'reply ' || n, '<p>reply ' || n || '</p>', now(), now() FROM generate_series(2, $3::int) AS n`,
    [topicId, steward.person.id, REPLIES + 1],
  );
  await dataSource.query("UPDATE forum_topic SET highest_post_number = $2, reply_count = $3 WHERE id = $1", [
    topicId,
    REPLIES + 1,
    REPLIES,
  ]);
});
afterAll(() => hub?.stop());

/** Polls patiently: two cores are shared by parallel test files, so the page can take a few seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The numbers of the posts on the page, in order. */
const postNumbers = (page: Page) =>
  page
    .locator("article[data-post-number]")
    .evaluateAll((posts) => posts.map((post) => Number(post.dataset.postNumber)));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Whether an element is at least partly inside the window. */
const inView = (page: Page, number: number) =>
  page.locator(`#post-${number}`).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });

describe("A long topic in a browser", () => {
  it(
    "pages 50 posts at a time, opens a permalink highlighted, loads earlier posts and copies links",
    () =>
      withBrowser(async ({ page }) => {
        // Every answer of the topic page is kept, to check that no post's Markdown is fetched with the page.
        const answers: string[] = [];
        page.on("response", async (response) => {
          if (response.url().endsWith("/graphql")) answers.push(await response.text().catch(() => ""));
        });
        await page.goto(`${hub.url}${topicPath}`);
        await poll(() => postNumbers(page)).toEqual(range(1, 50));
        expect(await page.getByRole("button", { name: "Load earlier posts" }).count()).toBe(0);
        await page.getByRole("button", { name: "Load more posts" }).click();
        await poll(() => postNumbers(page)).toEqual(range(1, 100));
        await page.getByRole("button", { name: "Load more posts" }).click();
        await poll(() => postNumbers(page)).toEqual(range(1, REPLIES + 1));
        expect(await page.getByRole("button", { name: "Load more posts" }).count()).toBe(0);
        expect(answers.some((answer) => answer.includes('"markdown"'))).toBe(false);

        // A permalink opens the topic at the post, scrolled to and marked, with its own URL.
        await page.goto(`${hub.url}${topicPath}/110`);
        await poll(() => postNumbers(page)).toEqual(range(110, REPLIES + 1));
        const linked = page.getByRole("article", { name: "Post 110 by @long-talker" });
        await poll(() => linked.getAttribute("class")).toContain("highlighted");
        expect(await linked.getAttribute("aria-current")).toBe("location");
        await poll(() => inView(page, 110)).toBe(true);
        expect(new URL(page.url()).pathname).toBe(`${topicPath}/110`);
        await expectNoSeriousAxeViolations(page, "topic at a permalink");
        await screenshot(page, "forum-pagination-01-permalink", { fullPage: false });

        // "Load earlier" brings 60..109 above, and the post being read stays in view.
        await page.getByRole("button", { name: "Load earlier posts" }).click();
        await poll(() => postNumbers(page)).toEqual(range(60, REPLIES + 1));
        expect(await inView(page, 110)).toBe(true);
        expect(
          await page.locator("#post-60").evaluate((element) => element.getBoundingClientRect().bottom),
        ).toBeLessThan(0);
        await page.getByRole("button", { name: "Load earlier posts" }).click();
        await poll(() => postNumbers(page)).toEqual(range(10, REPLIES + 1));

        // Copy link puts the post's full permalink on the clipboard; its number link marks it and updates the URL.
        await page.getByRole("button", { name: "Copy link to #61" }).click();
        await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
          `${hub.url}${topicPath}/61`,
        );
        await page.getByRole("link", { name: "Permalink to post 115" }).click();
        await poll(async () => new URL(page.url()).pathname).toBe(`${topicPath}/115`);
        await poll(() => page.locator("#post-115").getAttribute("class")).toContain("highlighted");
        expect(await page.locator("#post-110").getAttribute("class")).not.toContain("highlighted");

        // Links written before permalinks (mail, search results) end in #post-<n>; they land on the post too.
        await page.goto(`${hub.url}${topicPath}#post-30`);
        await poll(() => page.locator("#post-30").getAttribute("class")).toContain("highlighted");
        await poll(async () => new URL(page.url()).pathname).toBe(`${topicPath}/30`);
        expect((await postNumbers(page))[0]).toBe(30);

        // Beyond the last post: the end of the topic, not an empty page.
        await page.goto(`${hub.url}${topicPath}/999`);
        await poll(() => page.locator(`#post-${REPLIES + 1}`).getAttribute("class")).toContain("highlighted");
      }),
    90_000,
  );

  it(
    "quotes a post far down the topic (its Markdown fetched then) and shows the new reply marked",
    () =>
      withBrowser(async ({ page }) => {
        await page.goto(`${hub.url}${topicPath}/110`);
        await signInThroughUi(page, "Milo Member");
        await page.goto(`${hub.url}${topicPath}/110`);
        await page.getByRole("button", { name: "Quote #110" }).click();
        const composer = page.getByLabel(/Your reply/);
        await poll(() => composer.inputValue()).toBe("> [!quote @long-talker post:110]\n> reply 110\n\n");
        await composer.press("End");
        await composer.pressSequentially("Same here after the upgrade.");
        await page.getByRole("button", { name: "Post reply" }).click();
        const mine = page.getByRole("article", { name: `Post ${REPLIES + 2} by @milo-member` });
        await poll(() => mine.getAttribute("class")).toContain("highlighted");
        await poll(async () => new URL(page.url()).pathname).toBe(`${topicPath}/${REPLIES + 2}`);
        expect(await mine.locator("blockquote.quote").textContent()).toContain("reply 110");
      }),
    90_000,
  );

  it(
    "lets a moderator split a reply the page has not loaded",
    () =>
      withBrowser(async ({ page }) => {
        await page.goto(`${hub.url}${topicPath}`);
        await signInThroughUi(page, "Mona Moderator");
        await page.goto(`${hub.url}${topicPath}`);
        await poll(() => postNumbers(page)).toEqual(range(1, 50));
        await page.getByText("Topic tools").click();
        await page.getByLabel("Split replies (post numbers)").fill("120");
        await page.getByLabel("New topic title").fill("Post 120 on its own");
        await page.getByLabel("New topic category").selectOption({ label: "Operations" });
        await page.getByRole("button", { name: "Split into a new topic" }).click();
        await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Post 120 on its own");
        await poll(() => page.getByText("reply 120").isVisible()).toBe(true);
      }),
    90_000,
  );
});
