import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { createCategory, createTopic, type ForumCaller, forumCaller } from "./support/forum-fixtures.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** The embedded default: without SMTP_URL outgoing mail is kept in the dev mailbox. */
const clock = new ManualClock();
let hub: TestHub;
let steward: ForumCaller;
let poster: ForumCaller;
let ada: ForumCaller;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  poster = await forumCaller(hub, { handle: "box-poster" });
  ada = await forumCaller(hub, { handle: "box-ada", email: "ada@box.test" });
});
afterAll(() => hub.stop());

const MAILBOX = `{ forumDevMailbox(first: 10) { edges { node { id to subject text html listUnsubscribe sentAt } } } }`;

interface Mailbox {
  forumDevMailbox: {
    edges: Array<{
      node: { to: string; subject: string; text: string; html: string; listUnsubscribe: string };
    }>;
  };
}

describe("The dev mailbox", () => {
  it("keeps delivered mail for stewards to read, and only for them outside development", async () => {
    expect(hub.forumMail.transport.kind).toBe("mailbox");
    const category = await createCategory(hub, steward.token, { slug: "box", name: "Box" });
    await createTopic(hub, clock, poster.token, {
      categoryId: category,
      title: "Mail stays in the hub",
      markdown: "@box-ada <script>alert(1)</script> [x](javascript:alert(1)) see this",
    });
    expect(await hub.forumMail.deliver()).toBe(1);
    const data = expectData(await graphql<Mailbox>(hub.url, MAILBOX, {}, { token: steward.token }));
    const [message] = data.forumDevMailbox.edges.map((edge) => edge.node);
    expect(message).toMatchObject({
      to: "ada@box.test",
      subject: '[Alliance Hub] @box-poster mentioned you in "Mail stays in the hub"',
    });
    expect(message.text).toContain("see this");
    expect(message.listUnsubscribe).toMatch(/^<http:\/\/.+\/mail\/unsubscribe\?token=.+>$/);
    // The HTML part went through the allowlist: no script, no javascript: link.
    expect(message.html).not.toMatch(/<script|href="javascript:/i);
    expect(message.html).toContain("&lt;script&gt;");
    // Links inside the post point at the hub, not at the mail client.
    expect(message.html).toMatch(/<a class="mention mention-person" href="http:\/\/[^"]+\/people\/box-ada">/);
    expectErrorCode(await graphql(hub.url, MAILBOX, {}, { token: ada.token }), "FORBIDDEN");
    expectErrorCode(await graphql(hub.url, MAILBOX), "UNAUTHENTICATED");
  });
});
