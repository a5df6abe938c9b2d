import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { fromGlobalId } from "../server/graphql/global-id.js";
import { HubError } from "../server/errors.js";
import { createLogger } from "../server/logger.js";
import { ForumTopicEntity } from "../server/modules/forum/forum-topic.entity.js";
import { renderPost } from "../server/modules/forum/forum-markdown.js";
import { appendPost } from "../server/modules/forum/write-post.js";
import {
  FORUM_FANOUT_LOCK_KEY,
  MAX_FANOUT_ATTEMPTS,
} from "../server/modules/forum/fanout/deliver-post-fanouts.js";
import {
  type ForumFanoutJobs,
  startForumFanoutJobs,
} from "../server/modules/forum/fanout/forum-fanout-jobs.js";
import {
  createCategory,
  createTopic,
  type ForumCaller,
  forumCaller,
  reply,
} from "./support/forum-fixtures.js";
import { watchCategory } from "./support/forum-watching-fixtures.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let steward: ForumCaller;
let posters: ForumCaller[];
let watchers: ForumCaller[];
let ada: ForumCaller;
let category: string;
/** The fan-out of a hub process started after the first one went away (what a restart looks like). */
let restarted: ForumFanoutJobs;

beforeAll(async () => {
  hub = await startTestHub({ clock });
  // The hub's own fan-out stops first: posts below stay "due" as if the process died right after committing them.
  await hub.forumFanout.stop();
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  posters = await Promise.all([0, 1, 2].map(() => forumCaller(hub)));
  watchers = await Promise.all([0, 1, 2].map(() => forumCaller(hub)));
  ada = await forumCaller(hub, { handle: "ada-fanout" });
  category = await createCategory(hub, steward.token, { slug: "fanout", name: "Fan-out" });
  for (const watcher of [...watchers, ada]) await watchCategory(hub, watcher.token, category, "WATCHING");
  restarted = startForumFanoutJobs({
    dataSource: hub.database.dataSource,
    clock,
    logger: createLogger("silent"),
    poll: false, // driven by hand below, so every delivery is seen
  });
});
afterAll(async () => {
  await restarted.stop();
  await hub.stop();
});

const sql = <Row>(text: string, parameters: unknown[] = []) =>
  hub.database.dataSource.query(text, parameters) as Promise<Row[]>;
const uuid = (topicId: string) => fromGlobalId(topicId, "ForumTopic", "id");
const postUuid = (postId: string) => fromGlobalId(postId, "ForumPost", "id");
const due = async () =>
  sql<{ post_id: string; status: string; attempts: number; last_error: string | null }>(
    "SELECT post_id, status, attempts, last_error FROM forum_post_fanout ORDER BY id",
  );
/** Each notification of `person` about the topic: kind, count, post number and actor. */
const notificationsOf = (person: ForumCaller, topicId: string) =>
  sql<{ kind: string; count: number; post_number: number; actor_id: string }>(
    `SELECT kind, count, post_number, actor_id FROM forum_notification
     WHERE person_id = $1 AND topic_id = $2 ORDER BY kind`,
    [person.person.id, uuid(topicId)],
  );

describe("Forum fan-out after the commit", () => {
  it("keeps the fan-out due across a restart, then notifies every watcher once per topic, consolidated", async () => {
    const topic = await createTopic(hub, clock, posters[0].token, {
      categoryId: category,
      title: "Fan-out after the commit",
      markdown: "Opening post of a topic about fan-out",
    });
    await reply(hub, clock, posters[1].token, {
      topicId: topic.id,
      markdown: "Hello @ada-fanout, any idea?",
    });
    await reply(hub, clock, posters[2].token, { topicId: topic.id, markdown: "A third post" });

    // Committed with the posts: three due rows; the mention went out in the reply's own transaction.
    expect((await due()).map((row) => row.status)).toEqual(["pending", "pending", "pending"]);
    expect(await notificationsOf(watchers[0], topic.id)).toEqual([]);
    expect(await notificationsOf(ada, topic.id)).toEqual([
      { kind: "mentioned", count: 1, post_number: 2, actor_id: posters[1].person.id },
    ]);

    expect(await restarted.deliver()).toBe(3);
    for (const watcher of watchers) {
      expect(await notificationsOf(watcher, topic.id)).toEqual(
        [
          { kind: "mentioned", count: 1, post_number: 2, actor_id: posters[1].person.id }, // never for watchers
        ]
          .filter(() => false)
          .concat([{ kind: "posted", count: 3, post_number: 3, actor_id: posters[2].person.id }]),
      );
    }
    // Ada heard of post 2 as a mention only: the watching notification counts posts 1 and 3.
    expect(await notificationsOf(ada, topic.id)).toEqual([
      { kind: "mentioned", count: 1, post_number: 2, actor_id: posters[1].person.id },
      { kind: "posted", count: 2, post_number: 3, actor_id: posters[2].person.id },
    ]);
    // Never about one's own posts.
    expect(await notificationsOf(posters[0], topic.id)).toEqual([
      { kind: "posted", count: 2, post_number: 3, actor_id: posters[2].person.id },
    ]);
    expect(await due()).toEqual([]);

    expect(await restarted.deliver()).toBe(0); // nothing doubled
    expect(await notificationsOf(watchers[0], topic.id)).toEqual([
      { kind: "posted", count: 3, post_number: 3, actor_id: posters[2].person.id },
    ]);
  });

  it("retries a post whose fan-out fails without holding back the others, and notifies once in the end", async () => {
    const fragile = await createTopic(hub, clock, posters[0].token, {
      categoryId: category,
      title: "A fan-out that fails",
      markdown: "Opening post number 1",
    });
    const sturdy = await createTopic(hub, clock, posters[1].token, {
      categoryId: category,
      title: "A fan-out that works",
      markdown: "Opening post number 2",
    });
    // A fault in writing one watcher's notification of one topic (a bad row, a full disk...).
    await sql(`CREATE FUNCTION fanout_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.person_id = '${watchers[0].person.id}' AND NEW.topic_id = '${uuid(fragile.id)}' THEN
          RAISE EXCEPTION 'injected fault';
        END IF;
        RETURN NEW;
      END $$`);
    await sql(
      "CREATE TRIGGER fanout_fault BEFORE INSERT OR UPDATE ON forum_notification FOR EACH ROW EXECUTE FUNCTION fanout_fault()",
    );
    try {
      expect(await restarted.deliver()).toBe(1);
      expect(await notificationsOf(watchers[1], sturdy.id)).toHaveLength(1);
      expect(await notificationsOf(watchers[1], fragile.id)).toEqual([]); // rolled back with its failed row
      expect(await due()).toEqual([
        {
          post_id: postUuid(fragile.firstPostId),
          status: "pending",
          attempts: 1,
          last_error: "fan-out failed (P0001)",
        },
      ]);
      expect(await restarted.deliver()).toBe(0); // backing off
    } finally {
      await sql("DROP TRIGGER fanout_fault ON forum_notification");
      await sql("DROP FUNCTION fanout_fault()");
    }
    clock.advance(1_000);
    expect(await restarted.deliver()).toBe(1);
    for (const watcher of watchers) {
      expect((await notificationsOf(watcher, fragile.id)).map((row) => [row.kind, row.count])).toEqual([
        ["posted", 1],
      ]);
    }
    expect(await due()).toEqual([]);
  });

  it("gives up on a fan-out after the last attempt, and leaves it for someone to look at", async () => {
    const topic = await createTopic(hub, clock, posters[2].token, {
      categoryId: category,
      title: "A fan-out that always fails",
      markdown: "Opening post number 3",
    });
    await sql("UPDATE forum_post_fanout SET attempts = $1, next_attempt_at = NULL WHERE post_id = $2", [
      MAX_FANOUT_ATTEMPTS - 1,
      postUuid(topic.firstPostId),
    ]);
    await sql(
      "ALTER TABLE forum_notification ADD CONSTRAINT fanout_fault CHECK (kind <> 'posted') NOT VALID",
    );
    try {
      expect(await restarted.deliver()).toBe(0);
    } finally {
      await sql("ALTER TABLE forum_notification DROP CONSTRAINT fanout_fault");
    }
    expect(await due()).toEqual([
      {
        post_id: postUuid(topic.firstPostId),
        status: "failed",
        attempts: MAX_FANOUT_ATTEMPTS,
        last_error: "fan-out failed (23514)",
      },
    ]);
    clock.advance(86_400_000);
    expect(await restarted.deliver()).toBe(0);
    expect(await notificationsOf(watchers[0], topic.id)).toEqual([]);
    await sql("DELETE FROM forum_post_fanout");
  });

  it.runIf(loadConfig().database.kind === "postgres")(
    "has a single runner across processes: nothing is delivered while another holds the lock",
    async () => {
      const topic = await createTopic(hub, clock, posters[0].token, {
        categoryId: category,
        title: "Another process is fanning out",
        markdown: "Opening post number 4",
      });
      const runner = hub.database.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query("SELECT pg_advisory_lock($1)", [FORUM_FANOUT_LOCK_KEY]);
        expect(await restarted.deliver()).toBe(0);
        expect(await due()).toHaveLength(1);
      } finally {
        await runner.query("SELECT pg_advisory_unlock($1)", [FORUM_FANOUT_LOCK_KEY]);
        await runner.release();
      }
      expect(await restarted.deliver()).toBe(1);
      expect(await notificationsOf(watchers[0], topic.id)).toHaveLength(1);
    },
  );
});

describe("Numbering a post under the topic row lock", () => {
  it("refuses a reply to a topic a moderator locked after the checks, unless the poster may post there", async () => {
    const created = await createTopic(hub, clock, posters[0].token, {
      categoryId: category,
      title: "Locked between the check and the post",
      markdown: "Opening post number 5",
    });
    const { dataSource } = hub.database;
    // The replier's checks saw the topic open; then a moderator locks it before the numbering statement runs.
    const seen = await dataSource.manager.findOneByOrFail(ForumTopicEntity, { id: uuid(created.id) });
    await sql("UPDATE forum_topic SET locked = true WHERE id = $1", [seen.id]);
    const actor = { personId: posters[1].person.id, requestId: null, now: clock.now() };
    const content = { markdown: "Too late", rendered: renderPost("Too late", []), replyToNumber: null };
    const refused = await dataSource
      .transaction((manager) => appendPost(manager, actor, { ...seen }, content))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).extensions.code).toBe("FORBIDDEN");
    const posted = await dataSource.transaction((manager) =>
      appendPost(manager, actor, seen, { ...content, mayPostWhenLocked: true }),
    );
    expect(posted.number).toBe(2);
    const [counters] = await sql<{
      highest_post_number: number;
      reply_count: number;
      last_poster_id: string;
    }>("SELECT highest_post_number, reply_count, last_poster_id FROM forum_topic WHERE id = $1", [seen.id]);
    expect(counters).toEqual({
      highest_post_number: 2,
      reply_count: 1,
      last_poster_id: posters[1].person.id,
    });
    expect(seen).toMatchObject({ highestPostNumber: 2, replyCount: 1, lastPosterId: posters[1].person.id });
  });
});
