import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { buildCooperative } from "./support/factories.js";
import {
  afterCooldown,
  createCategory,
  createTopic,
  FORUM,
  type ForumCaller,
  forumCaller,
} from "./support/forum-fixtures.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

// Tokens from the factories expire a day after real time, so the test stays within that day.
const clock = new ManualClock(new Date("2026-11-25T08:00:00.000Z"));
let hub: TestHub;
let steward: ForumCaller;
let tccAdmin: ForumCaller;
let tccMember: ForumCaller;
let otherTccAdmin: ForumCaller;
let partnerAdmin: ForumCaller;
let tcc: Cooperative;
let otherTcc: Cooperative;
let partner: Cooperative;
let decisions: string;
let advisories: string;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  steward = await forumCaller(hub, { hubRoles: ["steward"] });
  tccAdmin = await forumCaller(hub);
  tccMember = await forumCaller(hub);
  otherTccAdmin = await forumCaller(hub);
  partnerAdmin = await forumCaller(hub);
  const { dataSource } = hub.database;
  tcc = await buildCooperative(dataSource, {
    tier: "tcc_member",
    admins: [tccAdmin.person],
    members: [tccMember.person],
  });
  otherTcc = await buildCooperative(dataSource, { tier: "tcc_member", admins: [otherTccAdmin.person] });
  partner = await buildCooperative(dataSource, { tier: "alliance_partner", admins: [partnerAdmin.person] });
  decisions = await createCategory(hub, steward.token, {
    slug: "decisions",
    name: "Decisions",
    kind: "DECISION",
    readAudience: "COOPERATIVES",
    postAudience: "TCC_MEMBERS",
    replyAudience: "COOPERATIVES",
  });
  advisories = await createCategory(hub, steward.token, {
    slug: "advisories",
    name: "Security advisories",
    kind: "ADVISORY",
    postAudience: "MODERATORS",
  });
});
afterAll(() => hub.stop());

const VOTE = `mutation($input: CastForumDecisionVoteInput!) { castForumDecisionVote(input: $input) {
  topic { decision { votesCast } } } }`;
const DECISION = `query($id: ID!) { forumTopic(id: $id) { decision {
  options quorum closed votesCast quorumReached outcome eligibleTiers
  results { option votes } votes { option cooperative { slug } }
  viewerVotableCooperatives { slug } } } }`;
const coopId = (cooperative: Cooperative) => toGlobalId("Cooperative", cooperative.id);

describe("Cooperative decisions", () => {
  it("need a decision with a future deadline in decision categories, and none elsewhere", async () => {
    const missing = await afterCooldown(clock, () =>
      graphql(
        hub.url,
        FORUM.createTopic,
        { input: { categoryId: decisions, title: "Adopt Rancher 2.10", markdown: "Vote!" } },
        { token: tccAdmin.token },
      ),
    );
    expect(problemFields(missing)).toEqual(["input.decision"]);
    const past = await afterCooldown(clock, () =>
      graphql(
        hub.url,
        FORUM.createTopic,
        {
          input: {
            categoryId: decisions,
            title: "Adopt Rancher 2.10",
            markdown: "Vote!",
            decision: { options: ["Yes", "No"], quorum: 1, closesAt: "2020-01-01T00:00:00Z" },
          },
        },
        { token: tccAdmin.token },
      ),
    );
    expect(problemFields(past)).toEqual(["input.decision.closesAt"]);
    const duplicateOptions = await afterCooldown(clock, () =>
      graphql(
        hub.url,
        FORUM.createTopic,
        {
          input: {
            categoryId: decisions,
            title: "Adopt Rancher 2.10",
            markdown: "Vote!",
            decision: { options: ["Yes", "Yes"], quorum: 1, closesAt: "2026-12-01T00:00:00Z" },
          },
        },
        { token: tccAdmin.token },
      ),
    );
    expect(problemFields(duplicateOptions)).toEqual(["input.decision.options"]);
  });

  it("take one vote per eligible cooperative from its admins, refuse late and second votes, and publish results", async () => {
    const topic = await createTopic(hub, clock, tccAdmin.token, {
      categoryId: decisions,
      title: "Adopt OpenEBS LocalPV as the default",
      markdown: "Please vote by Friday.",
      decision: { options: ["Adopt", "Reject"], quorum: 2, closesAt: "2026-11-25T17:00:00Z" },
    });
    const before = expectData(
      await graphql<{ forumTopic: { decision: Record<string, unknown> } }>(
        hub.url,
        DECISION,
        { id: topic.id },
        { token: tccAdmin.token },
      ),
    );
    expect(before.forumTopic.decision).toMatchObject({
      closed: false,
      eligibleTiers: ["TCC_MEMBER"],
      viewerVotableCooperatives: [{ slug: tcc.slug }],
    });
    const vote = (caller: ForumCaller, cooperative: Cooperative, option: number) =>
      graphql(
        hub.url,
        VOTE,
        { input: { topicId: topic.id, cooperativeId: coopId(cooperative), option } },
        { token: caller.token },
      );
    expectErrorCode(await vote(tccMember, tcc, 0), "FORBIDDEN");
    expectErrorCode(await vote(tccAdmin, otherTcc, 0), "FORBIDDEN");
    expectErrorCode(await vote(partnerAdmin, partner, 0), "FORBIDDEN");
    expectErrorCode(await vote(tccAdmin, tcc, 5), "BAD_USER_INPUT");
    expect(expectData(await vote(tccAdmin, tcc, 0))).toEqual({
      castForumDecisionVote: { topic: { decision: { votesCast: 1 } } },
    });
    const twice = await vote(tccAdmin, tcc, 1);
    expectErrorCode(twice, "CONFLICT");
    expect(twice.errors?.[0].extensions?.reason).toBe("ALREADY_VOTED");
    clock.set(new Date("2026-11-25T17:00:00Z"));
    const late = await vote(otherTccAdmin, otherTcc, 1);
    expectErrorCode(late, "CONFLICT");
    expect(late.errors?.[0].extensions?.reason).toBe("DEADLINE_PASSED");
    const after = expectData(
      await graphql<{ forumTopic: { decision: Record<string, unknown> } }>(
        hub.url,
        DECISION,
        { id: topic.id },
        { token: tccMember.token },
      ),
    );
    // One vote of a quorum of two: closed without an outcome.
    expect(after.forumTopic.decision).toMatchObject({
      closed: true,
      votesCast: 1,
      quorumReached: false,
      outcome: null,
      results: [
        { option: "Adopt", votes: 1 },
        { option: "Reject", votes: 0 },
      ],
      votes: [{ option: "Adopt", cooperative: { slug: tcc.slug } }],
    });
  });

  it("reach an outcome with quorum, and may admit alliance partners", async () => {
    clock.set(new Date("2026-11-25T18:00:00Z"));
    const topic = await createTopic(hub, clock, tccAdmin.token, {
      categoryId: decisions,
      title: "Open the helm mirror to partners",
      markdown: "Partners vote too.",
      decision: {
        options: ["Yes", "No"],
        quorum: 2,
        closesAt: "2026-11-25T20:00:00Z",
        allowAlliancePartners: true,
      },
    });
    const vote = (caller: ForumCaller, cooperative: Cooperative, option: number) =>
      graphql(
        hub.url,
        VOTE,
        { input: { topicId: topic.id, cooperativeId: coopId(cooperative), option } },
        { token: caller.token },
      );
    expectData(await vote(partnerAdmin, partner, 0));
    expectData(await vote(otherTccAdmin, otherTcc, 0));
    clock.set(new Date("2026-11-25T20:00:01Z"));
    const result = expectData(
      await graphql<{ forumTopic: { decision: Record<string, unknown> } }>(
        hub.url,
        DECISION,
        { id: topic.id },
        { token: tccAdmin.token },
      ),
    );
    expect(result.forumTopic.decision).toMatchObject({
      closed: true,
      quorumReached: true,
      outcome: "Yes",
      viewerVotableCooperatives: [],
    });
  });
});

describe("Security advisories", () => {
  const ACK = `mutation($input: AcknowledgeForumAdvisoryInput!) { acknowledgeForumAdvisory(input: $input) {
    topic { advisory { acknowledgedCount } } } }`;
  const STATUS = `query($id: ID!) { forumTopic(id: $id) { advisory {
    acknowledgedCount acknowledgements { cooperative { slug } } pendingCooperatives { slug } viewerPendingCooperatives { slug } } } }`;

  it("are acknowledged once per cooperative by its admins; stewards see who has not", async () => {
    const topic = await createTopic(hub, clock, steward.token, {
      categoryId: advisories,
      title: "CVE-2026-1234 in ingress-nginx",
      markdown: "Upgrade to 1.12.3 now.",
    });
    const ack = (caller: ForumCaller, cooperative: Cooperative) =>
      graphql(
        hub.url,
        ACK,
        { input: { topicId: topic.id, cooperativeId: coopId(cooperative) } },
        { token: caller.token },
      );
    expectErrorCode(await ack(tccMember, tcc), "FORBIDDEN");
    expect(expectData(await ack(tccAdmin, tcc))).toEqual({
      acknowledgeForumAdvisory: { topic: { advisory: { acknowledgedCount: 1 } } },
    });
    expectErrorCode(await ack(tccAdmin, tcc), "CONFLICT");
    type Status = {
      forumTopic: {
        advisory: {
          pendingCooperatives: Array<{ slug: string }> | null;
          viewerPendingCooperatives: Array<{ slug: string }>;
        };
      };
    };
    const asSteward = expectData(
      await graphql<Status>(hub.url, STATUS, { id: topic.id }, { token: steward.token }),
    );
    expect(asSteward.forumTopic.advisory.pendingCooperatives?.map((c) => c.slug).sort()).toEqual(
      [otherTcc.slug, partner.slug].sort(),
    );
    const asPartner = expectData(
      await graphql<Status>(hub.url, STATUS, { id: topic.id }, { token: partnerAdmin.token }),
    );
    expect(asPartner.forumTopic.advisory.pendingCooperatives).toBeNull();
    expect(asPartner.forumTopic.advisory.viewerPendingCooperatives).toEqual([{ slug: partner.slug }]);
  });

  it("refuses acknowledging a topic that is not an advisory", async () => {
    const general = await createCategory(hub, steward.token, { slug: "general", name: "General" });
    const topic = await createTopic(hub, clock, tccAdmin.token, {
      categoryId: general,
      title: "Just a topic",
      markdown: "Nothing to ack",
    });
    expectErrorCode(
      await graphql(
        hub.url,
        ACK,
        { input: { topicId: topic.id, cooperativeId: coopId(tcc) } },
        { token: tccAdmin.token },
      ),
      "BAD_USER_INPUT",
    );
  });
});
