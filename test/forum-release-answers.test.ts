import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { fromGlobalId } from "../server/graphql/global-id.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import { buildCooperative } from "./support/factories.js";
import { createCategory, createTopic, type ForumCaller, reply } from "./support/forum-fixtures.js";
import { auditActions, longLivedCaller } from "./support/forum-moderation-fixtures.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const clock = new ManualClock();
let hub: TestHub;
let steward: ForumCaller;
let ada: ForumCaller;
let bob: ForumCaller;
let tcc: ForumCaller;
let partner: ForumCaller;
let help: string;
let release2026: {
  id: string;
  page: { id: string; markdown: string };
  chapters: Array<{ id: string; slug: string }>;
};
beforeAll(async () => {
  hub = await startTestHub({ clock });
  const dataSource = hub.database.dataSource;
  await manualContentSyncer.sync({
    dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock,
    logger: createLogger("silent"),
  });
  steward = await longLivedCaller(hub, { hubRoles: ["steward"], handle: "stew" });
  ada = await longLivedCaller(hub, { handle: "ada" });
  bob = await longLivedCaller(hub, { handle: "bob" });
  tcc = await longLivedCaller(hub, { handle: "tina" });
  partner = await longLivedCaller(hub, { handle: "pat" });
  await buildCooperative(dataSource, { tier: "tcc_member", members: [tcc.person] });
  await buildCooperative(dataSource, { tier: "alliance_partner", members: [partner.person] });
  help = await createCategory(hub, steward.token, {
    slug: "help",
    name: "Help",
    allowsAcceptedAnswers: true,
  });
  release2026 = expectData(
    await graphql<{ manual: { release: typeof release2026 } }>(
      hub.url,
      `{ manual(slug: "cooby-stack") { release(name: "2026.11") { id chapters { id slug }
        page(path: "planning/hardware") { id markdown } } } }`,
    ),
  ).manual.release;
});
afterAll(() => hub.stop());

const STAMP = `mutation($input: StampForumTopicReleaseInput!) { stampForumTopicRelease(input: $input) {
  topic { id stackRelease releaseStamp { name manual { slug } } } } }`;
const CONFIRM = `mutation($input: ConfirmForumAnswerReleaseInput!) { confirmForumAnswerRelease(input: $input) {
  post { mayBeOutdated releaseConfirmations { release { name } confirmedBy { handle } } } } }`;
const CUT = `mutation($input: CutManualReleaseInput!) { cutManualRelease(input: $input) { release { id name } } }`;
const STATUS = `query($id: ID!) { forumTopic(id: $id) { answerMayBeOutdated
  acceptedAnswer { id mayBeOutdated outdatedBy { name } viewerCanConfirmRelease
    releaseConfirmations { release { name } confirmedBy { handle } } manualProposals { id status } } } }`;
const PROPOSE = `mutation($input: ProposeManualChangeFromForumAnswerInput!) {
  proposeManualChangeFromForumAnswer(input: $input) {
    proposal { id status title slug markdown message sourceForumPost { id } page { id } }
    post { id manualProposals { id status } } } }`;

interface Status {
  answerMayBeOutdated: boolean;
  acceptedAnswer: {
    id: string;
    mayBeOutdated: boolean;
    outdatedBy: { name: string } | null;
    viewerCanConfirmRelease: boolean;
    releaseConfirmations: Array<{ release: { name: string }; confirmedBy: { handle: string } }>;
    manualProposals: Array<{ id: string; status: string }>;
  };
}

const status = async (topicId: string, token = ada.token) =>
  expectData(await graphql<{ forumTopic: Status }>(hub.url, STATUS, { id: topicId }, { token })).forumTopic;

const cut = async (name: string) =>
  expectData(
    await graphql<{ cutManualRelease: { release: { id: string } } }>(
      hub.url,
      CUT,
      { input: { fromReleaseId: release2026.id, name, title: `Cooby stack ${name}` } },
      { token: steward.token },
    ),
  ).cutManualRelease.release;

/** A help topic by Ada with Bob's accepted answer. */
async function answeredTopic(title: string): Promise<{ topicId: string; answerId: string; otherId: string }> {
  const topic = await createTopic(hub, clock, ada.token, {
    categoryId: help,
    title,
    markdown: `How do I size the disks? (${title})`,
  });
  const answer = await reply(hub, clock, bob.token, {
    topicId: topic.id,
    markdown: `Plan **three** disks per node.`,
  });
  clock.advance(300_000);
  const other = await reply(hub, clock, partner.token, {
    topicId: topic.id,
    markdown: `Same question here: ${title}`,
  });
  expectData(
    await graphql(
      hub.url,
      `mutation($input: AcceptForumAnswerInput!) { acceptForumAnswer(input: $input) { topic { id } } }`,
      { input: { postId: answer.id } },
      { token: ada.token },
    ),
  );
  return { topicId: topic.id, answerId: answer.id, otherId: other.id };
}

describe("Release-aware answers", () => {
  it("flags an accepted answer when a newer release is cut, until someone confirms it", async () => {
    const { topicId, answerId } = await answeredTopic("Disk sizing for the stack");
    const input = { topicId, releaseId: release2026.id };
    expectErrorCode(await graphql(hub.url, STAMP, { input }), "UNAUTHENTICATED");
    expectErrorCode(await graphql(hub.url, STAMP, { input }, { token: partner.token }), "FORBIDDEN");
    const bad = await graphql(
      hub.url,
      STAMP,
      { input: { topicId, releaseId: "nonsense" } },
      { token: ada.token },
    );
    expect(problemFields(bad)).toEqual(["input.releaseId"]);
    const stamped = expectData(
      await graphql<{
        stampForumTopicRelease: {
          topic: { stackRelease: string; releaseStamp: { name: string; manual: { slug: string } } };
        };
      }>(hub.url, STAMP, { input }, { token: ada.token }),
    ).stampForumTopicRelease.topic;
    expect(stamped).toMatchObject({
      stackRelease: "2026.11",
      releaseStamp: { name: "2026.11", manual: { slug: "cooby-stack" } },
    });
    expect((await status(topicId)).answerMayBeOutdated).toBe(false);
    const early = await graphql(hub.url, CONFIRM, { input: { postId: answerId } }, { token: bob.token });
    expectErrorCode(early, "CONFLICT");
    expect(early.errors?.[0]?.extensions?.reason).toBe("NOT_OUTDATED");

    await cut("2027.05");
    const flagged = await status(topicId);
    expect(flagged.answerMayBeOutdated).toBe(true);
    expect(flagged.acceptedAnswer).toMatchObject({
      mayBeOutdated: true,
      outdatedBy: { name: "2027.05" },
      viewerCanConfirmRelease: true,
    });
    expect((await status(topicId, partner.token)).acceptedAnswer.viewerCanConfirmRelease).toBe(false);
    expect((await status(topicId, tcc.token)).acceptedAnswer.viewerCanConfirmRelease).toBe(true);
    expectErrorCode(
      await graphql(hub.url, CONFIRM, { input: { postId: answerId } }, { token: partner.token }),
      "FORBIDDEN",
    );

    const confirmed = expectData(
      await graphql<{ confirmForumAnswerRelease: { post: { mayBeOutdated: boolean } } }>(
        hub.url,
        CONFIRM,
        { input: { postId: answerId } },
        { token: tcc.token },
      ),
    ).confirmForumAnswerRelease.post;
    expect(confirmed.mayBeOutdated).toBe(false);
    const after = await status(topicId);
    expect(after.answerMayBeOutdated).toBe(false);
    expect(after.acceptedAnswer.releaseConfirmations).toEqual([
      { release: { name: "2027.05" }, confirmedBy: { handle: "tina" } },
    ]);

    // The next release flags it again; the answer's author confirms this time.
    await cut("2027.11");
    expect((await status(topicId)).acceptedAnswer.outdatedBy?.name).toBe("2027.11");
    expectData(await graphql(hub.url, CONFIRM, { input: { postId: answerId } }, { token: bob.token }));
    expect((await status(topicId)).answerMayBeOutdated).toBe(false);
    const confirmations = (await auditActions(hub, fromGlobalId(answerId, "ForumPost", "id"))).filter(
      (action) => action.startsWith("forum.answer."),
    );
    expect(confirmations).toEqual(["forum.answer.releaseConfirmed", "forum.answer.releaseConfirmed"]);
    expect(await auditActions(hub, fromGlobalId(topicId, "ForumTopic", "id"))).toContain(
      "forum.topic.releaseStamped",
    );
  });

  it("does not flag topics without a stamp", async () => {
    const { topicId } = await answeredTopic("An unstamped question");
    expect((await status(topicId)).answerMayBeOutdated).toBe(false);
  });
});

describe("Proposing an accepted answer for the manual", () => {
  it("opens a change proposal of a page from the answer, linked both ways", async () => {
    const { topicId, answerId, otherId } = await answeredTopic("Disks per node in practice");
    const input = { postId: answerId, pageId: release2026.page.id };
    expectErrorCode(await graphql(hub.url, PROPOSE, { input }), "UNAUTHENTICATED");
    const notAnswer = await graphql(
      hub.url,
      PROPOSE,
      { input: { ...input, postId: otherId } },
      { token: bob.token },
    );
    expectErrorCode(notAnswer, "CONFLICT");
    expect(notAnswer.errors?.[0]?.extensions?.reason).toBe("NOT_ACCEPTED_ANSWER");

    const created = expectData(
      await graphql<{
        proposeManualChangeFromForumAnswer: {
          proposal: {
            id: string;
            status: string;
            markdown: string;
            message: string;
            sourceForumPost: { id: string };
            page: { id: string };
          };
          post: { manualProposals: Array<{ id: string; status: string }> };
        };
      }>(hub.url, PROPOSE, { input }, { token: bob.token }),
    ).proposeManualChangeFromForumAnswer;
    expect(created.proposal).toMatchObject({
      status: "OPEN",
      sourceForumPost: { id: answerId },
      page: { id: release2026.page.id },
    });
    expect(created.proposal.markdown.startsWith(release2026.page.markdown.trimEnd())).toBe(true);
    expect(created.proposal.markdown).toContain("Plan **three** disks per node.");
    expect(created.proposal.message).toContain("/forum/t/");
    expect(created.post.manualProposals).toEqual([{ id: created.proposal.id, status: "OPEN" }]);

    expectData(
      await graphql(
        hub.url,
        `mutation($input: DeclineManualProposalInput!) { declineManualProposal(input: $input) { proposal { status } } }`,
        { input: { proposalId: created.proposal.id, reason: "Covered elsewhere" } },
        { token: steward.token },
      ),
    );
    expect((await status(topicId)).acceptedAnswer.manualProposals).toEqual([
      { id: created.proposal.id, status: "DECLINED" },
    ]);
    const rows: Array<{ action: string }> = await hub.database.dataSource.query(
      "SELECT action FROM audit_event WHERE target_id = $1 OR target_id = $2 ORDER BY occurred_at",
      [
        fromGlobalId(answerId, "ForumPost", "id"),
        fromGlobalId(created.proposal.id, "ManualChangeProposal", "id"),
      ],
    );
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        "manual.proposal.opened",
        "forum.answer.proposedForManual",
        "manual.proposal.declined",
      ]),
    );
  });

  it("proposes a new page in a chapter, and names every missing field", async () => {
    const { topicId, answerId } = await answeredTopic("Sizing disks for small sites");
    const chapter = release2026.chapters[0];
    const created = expectData(
      await graphql<{
        proposeManualChangeFromForumAnswer: { proposal: { slug: string; title: string; markdown: string } };
      }>(
        hub.url,
        PROPOSE,
        { input: { postId: answerId, chapterId: chapter.id, slug: "disk-sizing" } },
        { token: ada.token },
      ),
    ).proposeManualChangeFromForumAnswer.proposal;
    expect(created).toMatchObject({ slug: "disk-sizing", title: "Sizing disks for small sites" });
    expect(created.markdown).toBe("Plan **three** disks per node.\n");
    expect((await status(topicId)).acceptedAnswer.manualProposals).toHaveLength(1);
    const missing = await graphql(hub.url, PROPOSE, { input: { postId: answerId } }, { token: ada.token });
    expect(problemFields(missing).sort()).toEqual(["input.chapterId", "input.slug"]);
  });
});
