import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { fromGlobalId, toGlobalId } from "../server/graphql/global-id.js";
import {
  afterCooldown,
  createCategory,
  createTopic,
  FORUM,
  type ForumCaller,
} from "./support/forum-fixtures.js";
import { auditActions, longLivedCaller, MODERATION } from "./support/forum-moderation-fixtures.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { signIn } from "./support/sign-in.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const DAY = 86_400_000;
const clock = new ManualClock();
let hub: TestHub;
let moderator: ForumCaller;
let general: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  const steward = await longLivedCaller(hub, { hubRoles: ["steward"] });
  moderator = await longLivedCaller(hub, { hubRoles: ["moderator"], handle: "mod" });
  general = await createCategory(hub, steward.token, { slug: "general", name: "General" });
});
afterAll(() => hub.stop());

interface Penalty {
  id: string;
  kind: string;
  durationDays: number;
  priorCount: number;
  overridden: boolean;
  active: boolean;
  endsAt: string;
}

async function impose(personId: string, kind: string, extra: Record<string, unknown> = {}): Promise<Penalty> {
  const input = {
    personId: toGlobalId("Person", personId),
    kind,
    reason: "Repeated personal attacks",
    ...extra,
  };
  return expectData(
    await graphql<{ imposeForumPenalty: { penalty: Penalty } }>(
      hub.url,
      MODERATION.impose,
      { input },
      { token: moderator.token },
    ),
  ).imposeForumPenalty.penalty;
}

const lift = (penaltyId: string, reason = "Apologised") =>
  graphql<{ liftForumPenalty: { penalty: { active: boolean; liftReason: string } } }>(
    hub.url,
    MODERATION.lift,
    { input: { penaltyId, reason } },
    { token: moderator.token },
  );

const post = (token: string, topicId: string, markdown: string) =>
  afterCooldown(clock, () => graphql(hub.url, FORUM.reply, { input: { topicId, markdown } }, { token }));

describe("Silencing", () => {
  it("escalates 1 day, 1 week, 1 month; a silenced person cannot post until it ends or is lifted", async () => {
    const eve = await longLivedCaller(hub, { handle: "eve" });
    const topic = await createTopic(hub, clock, moderator.token, {
      categoryId: general,
      title: "Be kind here",
      markdown: "Rules",
    });
    const input = { personId: toGlobalId("Person", eve.person.id), kind: "SILENCE", reason: "Spam again" };
    expectErrorCode(await graphql(hub.url, MODERATION.impose, { input }), "UNAUTHENTICATED");
    expectErrorCode(await graphql(hub.url, MODERATION.impose, { input }, { token: eve.token }), "FORBIDDEN");

    const first = await impose(eve.person.id, "SILENCE");
    expect(first).toMatchObject({
      kind: "SILENCE",
      durationDays: 1,
      priorCount: 0,
      overridden: false,
      active: true,
    });
    expectErrorCode(
      await graphql(hub.url, MODERATION.impose, { input }, { token: moderator.token }),
      "CONFLICT",
    );
    const refused = await post(eve.token, topic.id, "Let me explain myself.");
    expectErrorCode(refused, "FORBIDDEN");
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      reason: "SILENCED",
      until: first.endsAt,
      penaltyReason: "Repeated personal attacks",
    });
    expectErrorCode(
      await afterCooldown(clock, () =>
        graphql(
          hub.url,
          FORUM.createTopic,
          { input: { categoryId: general, title: "My side of it", markdown: "Listen" } },
          { token: eve.token },
        ),
      ),
      "FORBIDDEN",
    );

    clock.advance(DAY);
    expectData(await post(eve.token, topic.id, "Sorry, I was out of line."));

    const second = await impose(eve.person.id, "SILENCE");
    expect(second).toMatchObject({ durationDays: 7, priorCount: 1 });
    expect(expectData(await lift(second.id)).liftForumPenalty.penalty).toMatchObject({
      active: false,
      liftReason: "Apologised",
    });
    expectErrorCode(await lift(second.id), "CONFLICT");
    expectData(await post(eve.token, topic.id, "Thanks for lifting it."));

    expect(await impose(eve.person.id, "SILENCE")).toMatchObject({ durationDays: 30, priorCount: 2 });
    clock.advance(31 * DAY);
    expect(await impose(eve.person.id, "SILENCE", { durationDays: 3 })).toMatchObject({
      durationDays: 3,
      overridden: true,
      priorCount: 3,
    });

    const history = expectData(
      await graphql<{
        forumPenalties: Array<{ durationDays: number; active: boolean; imposedBy: { handle: string } }>;
      }>(
        hub.url,
        MODERATION.history,
        { personId: toGlobalId("Person", eve.person.id) },
        { token: moderator.token },
      ),
    ).forumPenalties;
    expect(history.map((item) => [item.durationDays, item.active])).toEqual([
      [3, true],
      [30, false],
      [7, false],
      [1, false],
    ]);
    expect(history[0].imposedBy.handle).toBe("mod");
    expectErrorCode(
      await graphql(
        hub.url,
        MODERATION.history,
        { personId: toGlobalId("Person", eve.person.id) },
        { token: eve.token },
      ),
      "FORBIDDEN",
    );
    expect(await auditActions(hub, eve.person.id)).toEqual([
      "forum.person.silenced",
      "forum.person.silenced",
      "forum.person.unsilenced",
      "forum.person.silenced",
      "forum.person.silenced",
    ]);
  });

  it("refuses bad input, unknown people and penalising moderators", async () => {
    const bad = await graphql(
      hub.url,
      MODERATION.impose,
      {
        input: {
          personId: toGlobalId("Person", moderator.person.id),
          kind: "SILENCE",
          reason: "x",
          durationDays: 9999,
        },
      },
      { token: moderator.token },
    );
    expect(problemFields(bad).sort()).toEqual(["input.durationDays", "input.reason"]);
    const other = await longLivedCaller(hub, { hubRoles: ["moderator"] });
    const input = {
      personId: toGlobalId("Person", other.person.id),
      kind: "SUSPENSION",
      reason: "Not allowed",
    };
    expectErrorCode(
      await graphql(hub.url, MODERATION.impose, { input }, { token: moderator.token }),
      "FORBIDDEN",
    );
    const ghost = { ...input, personId: toGlobalId("Person", "00000000-0000-4000-8000-000000000000") };
    expectErrorCode(
      await graphql(hub.url, MODERATION.impose, { input: ghost }, { token: moderator.token }),
      "NOT_FOUND",
    );
  });
});

describe("Suspending", () => {
  it("refuses the person's API tokens and sessions with the reason until it ends", async () => {
    const frank = await longLivedCaller(hub, { handle: "frank" });
    const suspension = await impose(frank.person.id, "SUSPENSION");
    expect(suspension).toMatchObject({ durationDays: 7, priorCount: 0 });
    const refused = await graphql(hub.url, "{ viewer { person { handle } } }", {}, { token: frank.token });
    expectErrorCode(refused, "UNAUTHENTICATED");
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      suspendedUntil: suspension.endsAt,
      suspensionReason: "Repeated personal attacks",
    });
    expect(refused.errors?.[0]?.message).toContain("suspended until");

    clock.advance(7 * DAY);
    const back = await graphql<{ viewer: { person: { handle: string } } }>(
      hub.url,
      "{ viewer { person { handle } } }",
      {},
      { token: frank.token },
    );
    expect(expectData(back).viewer.person.handle).toBe("frank");
    expect((await impose(frank.person.id, "SUSPENSION")).durationDays).toBe(30);
  });

  it("refuses a signed-in browser session and a new sign-in; lifting restores both", async () => {
    // Sessions and the development provider's tokens live in real time.
    clock.set(new Date());
    const { cookie } = await signIn(hub.url, "demo-milo-member");
    const viewer = "{ viewer { person { id handle } } }";
    const me = expectData(
      await graphql<{ viewer: { person: { id: string } } }>(hub.url, viewer, {}, { cookie }),
    ).viewer.person;
    const rows: Array<{ id: string }> = await hub.database.dataSource.query(
      "SELECT id FROM person WHERE subject = 'demo-milo-member'",
    );
    const suspension = await impose(rows[0].id, "SUSPENSION", { durationDays: 2 });
    expect(me.id).toBe(toGlobalId("Person", rows[0].id));
    expectErrorCode(await graphql(hub.url, viewer, {}, { cookie }), "UNAUTHENTICATED");
    const again = await signIn(hub.url, "demo-milo-member");
    expect(again.finalStatus).toBe(403);
    expectData(await lift(suspension.id));
    expect(
      expectData(await graphql<{ viewer: { person: { id: string } } }>(hub.url, viewer, {}, { cookie }))
        .viewer.person.id,
    ).toBe(me.id);
  });
});

describe("Slow mode", () => {
  it("lets a person post once per N seconds in the topic; moderators are exempt", async () => {
    const gina = await longLivedCaller(hub, { handle: "gina" });
    const topic = await createTopic(hub, clock, moderator.token, {
      categoryId: general,
      title: "A heated debate",
      markdown: "Go",
    });
    const input = { topicId: topic.id, seconds: 600 };
    expectErrorCode(
      await graphql(hub.url, MODERATION.slowMode, { input }, { token: gina.token }),
      "FORBIDDEN",
    );
    const bad = await graphql(
      hub.url,
      MODERATION.slowMode,
      { input: { ...input, seconds: 90_000 } },
      { token: moderator.token },
    );
    expect(problemFields(bad)).toEqual(["input.seconds"]);
    const set = expectData(
      await graphql<{ setForumTopicSlowMode: { topic: { slowModeSeconds: number } } }>(
        hub.url,
        MODERATION.slowMode,
        { input },
        { token: moderator.token },
      ),
    );
    expect(set.setForumTopicSlowMode.topic.slowModeSeconds).toBe(600);

    expectData(await post(gina.token, topic.id, "My first point."));
    const limited = await post(gina.token, topic.id, "And another thing.");
    expectErrorCode(limited, "RATE_LIMITED");
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions).toMatchObject({
      reason: "SLOW_MODE",
      retryAfterSeconds: 600 - 16,
    });
    expectData(await post(moderator.token, topic.id, "Moderator note one."));
    expectData(await post(moderator.token, topic.id, "Moderator note two."));
    clock.advance(600_000);
    expectData(await post(gina.token, topic.id, "And another thing."));

    expectData(
      await graphql(
        hub.url,
        MODERATION.slowMode,
        { input: { ...input, seconds: 0 } },
        { token: moderator.token },
      ),
    );
    expectData(await post(gina.token, topic.id, "Free again."));
    expect(await auditActions(hub, fromGlobalId(topic.id, "ForumTopic", "id"))).toEqual(
      expect.arrayContaining(["forum.topic.slowModeSet", "forum.topic.slowModeOff"]),
    );
  });
});
