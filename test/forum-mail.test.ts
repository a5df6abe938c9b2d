import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { mailBackoffMs } from "../server/modules/forum/mail/deliver-mail-outbox.js";
import type { Person } from "../server/modules/people/person.entity.js";
import { buildApiToken, buildPerson } from "./support/factories.js";
import { createCategory, createTopic, type ForumCaller, reply } from "./support/forum-fixtures.js";
import { WATCHING, watchCategory } from "./support/forum-watching-fixtures.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** Forum email through a real SMTP server started in this process (the `smtp-server` package). */
const clock = new ManualClock(new Date("2026-11-25T08:00:00Z"));
const LOGIN = { user: "hub-relay", pass: "relay-secret-123" };
let smtp: SmtpSink;
let hub: TestHub;
let steward: ForumCaller;
let poster: ForumCaller;
let ada: ForumCaller;
let category: string;
beforeAll(async () => {
  smtp = await startSmtpSink(LOGIN);
  hub = await startTestHub({
    clock,
    env: {
      SMTP_URL: `smtp://${LOGIN.user}:${LOGIN.pass}@127.0.0.1:${smtp.port}`,
      MAIL_FROM: "Alliance Hub <hub@alliance.test>",
    },
  });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  poster = await forumCaller(hub, { handle: "mail-poster", email: "poster@coop.test" });
  ada = await forumCaller(hub, { handle: "mail-ada", email: "ada@coop.test" });
  category = await createCategory(hub, steward.token, { slug: "mail", name: "Mail" });
});
afterAll(async () => {
  await hub?.stop();
  await smtp?.stop();
});

/** People whose tokens outlive the test's clock jumps (the digest test moves to the next Monday). */
async function forumCaller(hubUnderTest: TestHub, overrides: Partial<Person> = {}): Promise<ForumCaller> {
  const person = await buildPerson(hubUnderTest.database.dataSource, overrides);
  const token = await buildApiToken(hubUnderTest.database.dataSource, person, {
    expiresAt: new Date("2027-06-01T00:00:00Z"),
  });
  return { person, token };
}

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });
const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
const outbox = (personId: string) =>
  hub.database.dataSource.query(
    "SELECT kind, status, attempts, next_attempt_at FROM forum_mail_outbox WHERE person_id = $1 ORDER BY id",
    [personId],
  ) as Promise<Array<{ kind: string; status: string; attempts: number; next_attempt_at: Date }>>;

describe("Forum email over SMTP", () => {
  let unsubscribeUrl: string;

  it("emails a mention at once, with text, HTML and a one-click unsubscribe header", async () => {
    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "Backups of etcd",
      markdown: "@mail-ada could you check the **etcd snapshot** schedule?",
    });
    await hub.forumMail.deliver();
    await poll(() => mailTo("ada@coop.test").length).toBe(1);
    const [mail] = mailTo("ada@coop.test");
    expect(mail.from).toBe("hub@alliance.test");
    expect(mail.header("subject")).toBe('[Alliance Hub] @mail-poster mentioned you in "Backups of etcd"');
    expect(mail.header("content-type")).toMatch(/multipart\/alternative/);
    expect(mail.body).toContain("could you check the **etcd snapshot** schedule?"); // the plain text part
    expect(mail.body).toContain("<strong>etcd snapshot</strong>"); // the HTML part
    expect(mail.body).toMatch(/\/forum\/t\/backups-of-etcd\/[\w-]+#post-1/);
    expect(mail.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const header = mail.header("list-unsubscribe") ?? "";
    expect(header).toMatch(new RegExp(`^<${hub.url}/mail/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>$`));
    unsubscribeUrl = header.slice(1, -1);
    expect(mail.raw).not.toContain(LOGIN.pass);
    expect(await outbox(ada.person.id)).toEqual([
      expect.objectContaining({ kind: "mention", status: "sent" }),
    ]);
  });

  it("turns mention emails off with the one-click link, and refuses a forged one", async () => {
    const page = await fetch(unsubscribeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stop emails when someone mentions you?");
    // A GET alone changes nothing (link scanners follow GETs).
    expect((await preferences(ada)).emailMentions).toBe(true);
    const forged = await fetch(`${unsubscribeUrl.slice(0, -3)}abc`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(forged.status).toBe(400);
    const done = await fetch(unsubscribeUrl, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(done.status).toBe(200);
    expect(await preferences(ada)).toMatchObject({
      emailMentions: false,
      emailReplies: true,
      emailDigest: true,
    });

    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "Another mention",
      markdown: "@mail-ada one more question for you",
    });
    expect((await outbox(ada.person.id)).length).toBe(1); // nothing queued for the switched-off kind
  });

  it("keeps the email while the SMTP server is down and delivers it when it is back", async () => {
    const topic = await createTopic(hub, clock, ada.token, {
      categoryId: category,
      title: "Reply emails survive outages",
      markdown: "Who replies to this?",
    });
    await smtp.stop();
    await reply(hub, clock, poster.token, { topicId: topic.id, markdown: "I do!", replyToNumber: 1 });
    await hub.forumMail.deliver();
    await poll(async () => (await outbox(ada.person.id)).at(-1)).toMatchObject({
      kind: "reply",
      status: "pending",
      attempts: 1,
    });
    await smtp.start();
    await hub.forumMail.deliver(); // not due yet: the backoff holds
    expect((await outbox(ada.person.id)).at(-1)).toMatchObject({ status: "pending", attempts: 1 });
    clock.advance(mailBackoffMs(1));
    await hub.forumMail.deliver();
    await poll(() => mailTo("ada@coop.test").length).toBe(2);
    expect(mailTo("ada@coop.test")[1].header("subject")).toBe(
      '[Alliance Hub] @mail-poster replied to you in "Reply emails survive outages"',
    );
    await poll(async () => (await outbox(ada.person.id)).at(-1)?.status).toBe("sent");
  });
});

describe("The forum digest", () => {
  it("sends unread watched activity once, on schedule, never the same activity twice", async () => {
    const watcher = await forumCaller(hub, { handle: "digest-reader", email: "reader@coop.test" });
    await watchCategory(hub, watcher.token, category, "WATCHING");
    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "First digest topic",
      markdown: "Something watched happened",
    });
    await hub.forumMail.queueDigests();
    await hub.forumMail.deliver();
    await poll(() => mailTo("reader@coop.test").length).toBe(1);
    const [first] = mailTo("reader@coop.test");
    expect(first.header("subject")).toBe(
      "[Alliance Hub] Your weekly forum digest: 1 topic with new activity",
    );
    expect(first.body).toContain("First digest topic (1 new post)");
    expect(first.header("list-unsubscribe")).toContain("/mail/unsubscribe?token=");

    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "Second digest topic",
      markdown: "More watched activity",
    });
    await hub.forumMail.queueDigests(); // not due again before next Monday 07:00 UTC
    expect((await outbox(watcher.person.id)).filter((row) => row.kind === "digest")).toHaveLength(1);

    clock.set(new Date("2026-11-30T07:05:00Z"));
    await hub.forumMail.queueDigests();
    await hub.forumMail.queueDigests(); // a second run in the same slot queues nothing
    await hub.forumMail.deliver();
    await poll(() => mailTo("reader@coop.test").length).toBe(2);
    const second = mailTo("reader@coop.test")[1];
    expect(second.body).toContain("Second digest topic");
    expect(second.body).not.toContain("First digest topic");
    expect((await outbox(watcher.person.id)).filter((row) => row.kind === "digest")).toHaveLength(2);
  });

  it("follows the person's switch and frequency", async () => {
    const daily = await forumCaller(hub, { email: "daily@coop.test" });
    const off = await forumCaller(hub, { email: "off@coop.test" });
    for (const caller of [daily, off]) await watchCategory(hub, caller.token, category, "WATCHING");
    const changed = expectData(
      await graphql(
        hub.url,
        WATCHING.updatePreferences,
        { input: { digestFrequency: "DAILY" } },
        { token: daily.token },
      ),
    );
    expect(changed).toEqual({
      updateForumEmailPreferences: {
        preferences: { emailMentions: true, emailReplies: true, emailDigest: true, digestFrequency: "DAILY" },
      },
    });
    expectData(
      await graphql(
        hub.url,
        WATCHING.updatePreferences,
        { input: { emailDigest: false } },
        { token: off.token },
      ),
    );
    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "Daily news",
      markdown: "Day one",
    });
    await hub.forumMail.queueDigests();
    clock.advance(86_400_000);
    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "Daily news 2",
      markdown: "Day two",
    });
    await hub.forumMail.queueDigests();
    expect((await outbox(daily.person.id)).filter((row) => row.kind === "digest")).toHaveLength(2);
    expect(await outbox(off.person.id)).toEqual([]);
  });
});

async function preferences(caller: ForumCaller) {
  const data = expectData(
    await graphql<{ forumEmailPreferences: Record<string, unknown> }>(
      hub.url,
      WATCHING.preferences,
      {},
      {
        token: caller.token,
      },
    ),
  );
  return data.forumEmailPreferences;
}
