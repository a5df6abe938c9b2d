import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORUM_QUERY, TOPIC_QUERY } from "../bench/support/forum-queries.js";
import { ManualClock } from "../server/clock.js";
import {
  createCategory,
  createTopic,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/**
 * The web app's hot forum reads issue a fixed number of SQL statements whatever the number of topics, posts and
 * authors on the page (no N+1), and no more than the counts below: each statement costs the hub about as much CPU
 * as the rest of the request (bench/README.md, forum), so a new one on these paths should be a deliberate choice.
 */
const clock = new ManualClock();
let hub: TestHub;
let statements: string[] = [];

/**
 * Statements of the hub's background jobs, which run on their own timers and may land in the middle of a measured
 * read: the fan-out poll (every 250 ms), forum mail delivery (every 2 s) and their transactions. Reads use none
 * of these (they run no transaction).
 */
const BACKGROUND =
  /forum_post_fanout|forum_mail_outbox|pg_try_advisory_xact_lock|^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;

/** Records every statement the hub's data source sends (all queries go through a query runner). */
function recordStatements(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args) => {
    const runner = create(...args);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      if (!BACKGROUND.test(sql)) statements.push(sql);
      return (query as (...all: unknown[]) => unknown)(sql, ...rest);
    }) as typeof runner.query;
    return runner;
  };
}

async function statementsOf(query: string, variables: Record<string, unknown>, token?: string) {
  statements = [];
  expectData(await graphql(hub.url, query, variables, token ? { token } : {}));
  return statements.length;
}

let ada: ForumCaller;
let topicId: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  const steward = await forumCaller(hub, { hubRoles: ["steward"] });
  ada = await forumCaller(hub, { handle: "ada-reads" });
  const categoryId = await createCategory(hub, steward.token, { slug: "reads", name: "Reads" });
  await createCategory(hub, steward.token, { slug: "other-reads", name: "Other reads", position: 2 });
  topicId = (
    await createTopic(hub, clock, ada.token, {
      categoryId,
      title: "Counting statements",
      markdown: "First post",
      tags: ["etcd"],
    })
  ).id;
  recordStatements(hub.database.dataSource);
});
afterAll(() => hub.stop());

describe("Forum hot reads", () => {
  it("list topics with the same statements for 1 topic as for 6 by different people", async () => {
    const forum = { order: "LATEST", filter: {} };
    const one = await statementsOf(FORUM_QUERY, forum);
    const categoryId = expectData(
      await graphql<{ forumCategories: Array<{ id: string; slug: string }> }>(
        hub.url,
        "{ forumCategories { id slug } }",
      ),
    ).forumCategories.find((category) => category.slug === "other-reads")?.id;
    for (let index = 0; index < 5; index++) {
      const author = await forumCaller(hub);
      await createTopic(hub, clock, author.token, {
        categoryId,
        title: `Topic ${index}`,
        markdown: `Body ${index}`,
        tags: [`tag-${index}`],
      });
    }
    const six = await statementsOf(FORUM_QUERY, forum);
    expect(six).toBe(one);
    expect(six).toBeLessThanOrEqual(5);
    expect(await statementsOf(FORUM_QUERY, { order: "LATEST", filter: { categorySlug: "reads" } })).toBe(six);
  });

  it("show a topic page with the same statements for 2 posts as for 9 by different people", async () => {
    const page = { id: topicId, first: 50 };
    await reply(hub, clock, (await forumCaller(hub)).token, { topicId, markdown: "A first reply" });
    const two = await statementsOf(TOPIC_QUERY, page);
    for (let index = 0; index < 7; index++) {
      const author = await forumCaller(hub);
      await reply(hub, clock, author.token, { topicId, markdown: `Reply ${index} by someone new` });
    }
    const nine = await statementsOf(TOPIC_QUERY, page);
    expect(nine).toBe(two);
    // Topic, category, posts, decision, tags, and people in two batches (the topic's author, then the posts').
    expect(nine).toBeLessThanOrEqual(7);
    expect(await statementsOf(TOPIC_QUERY, { ...page, fromNumber: 5 })).toBe(nine);
    // Signed in adds the token, the viewer's likes and memberships, still independent of the page's length.
    expect(await statementsOf(TOPIC_QUERY, page, ada.token)).toBeLessThanOrEqual(nine + 4);
  });
});
