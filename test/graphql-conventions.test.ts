import { buildSchema } from "graphql";
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTypeDefs } from "../server/graphql/schema.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { buildAcceptedCluster, buildJoinToken, buildRegisteredCluster } from "./support/cluster-factories.js";
import { buildApiToken, buildCaller, buildCooperative, buildPerson } from "./support/factories.js";
import { expectErrorCode, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
let token: string;
let stewardToken: string;
beforeAll(async () => {
  hub = await startTestHub();
  ({ token } = await buildCaller(hub.database.dataSource));
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
});
afterAll(() => hub.stop());

const NIL_ID = Buffer.from("Cooperative:00000000-0000-4000-8000-000000000000").toString("base64url");

/**
 * Every mutation of the schema with a call that is well-formed GraphQL but bad input. The "covers every mutation"
 * test fails when a mutation is added without an entry, so none escapes the unauthenticated and bad-input checks.
 */
/**
 * `prepare`: what the bad-input call needs beyond a person's token (an agent's credential, a real join token);
 * `noInput`: the mutation takes no input, so only the anonymous check applies.
 */
interface MutationEntry {
  operation: string;
  badInput: Record<string, unknown>;
  prepare?: (hub: TestHub) => Promise<{ token?: string; variables?: Record<string, unknown> }>;
  noInput?: boolean;
}

const MUTATIONS: Record<string, MutationEntry> = {
  ping: { operation: "mutation { ping }", badInput: {} },
  createApiToken: {
    operation: "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }",
    badInput: { input: { name: "", scopes: [], expiresInDays: 0 } },
  },
  revokeApiToken: {
    operation: "mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  applyForCooperative: {
    operation:
      "mutation($input: ApplyForCooperativeInput!) { applyForCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { name: "x", slug: "Bad Slug", country: "Nowhere", description: "", tier: "VENDOR" } },
  },
  approveCooperative: {
    operation:
      "mutation($input: DecideCooperativeInput!) { approveCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  declineCooperative: {
    operation:
      "mutation($input: DecideCooperativeInput!) { declineCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  updateCooperative: {
    operation:
      "mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  inviteMember: {
    operation: "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl } }",
    badInput: { input: { cooperativeId: "nonsense", email: "x", role: "MEMBER" } },
  },
  acceptInvitation: {
    operation:
      "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }",
    badInput: { input: { secret: "short" } },
  },
  revokeInvitation: {
    operation:
      "mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitationId } }",
    badInput: { input: { id: NIL_ID } },
  },
  addMember: {
    operation: "mutation($input: AddMemberInput!) { addMember(input: $input) { membership { id } } }",
    badInput: { input: { cooperativeId: "nonsense", handle: "x", role: "MEMBER" } },
  },
  changeMemberRole: {
    operation:
      "mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { id } } }",
    badInput: { input: { membershipId: "nonsense", role: "ADMIN" } },
  },
  removeMember: {
    operation: "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId } }",
    badInput: { input: { membershipId: "nonsense" } },
  },
  leaveCooperative: {
    operation:
      "mutation($input: LeaveCooperativeInput!) { leaveCooperative(input: $input) { cooperative { id } } }",
    badInput: { input: { cooperativeId: "nonsense" } },
  },
  // Forum (issue 5).
  createForumCategory: {
    operation:
      "mutation($input: CreateForumCategoryInput!) { createForumCategory(input: $input) { category { id } } }",
    badInput: { input: { slug: "Not A Slug", name: "x" } },
  },
  updateForumCategory: {
    operation:
      "mutation($input: UpdateForumCategoryInput!) { updateForumCategory(input: $input) { category { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  createForumTopic: {
    operation:
      "mutation($input: CreateForumTopicInput!) { createForumTopic(input: $input) { topic { id } } }",
    badInput: { input: { categoryId: "nonsense", title: "x", markdown: "" } },
  },
  replyToForumTopic: {
    operation:
      "mutation($input: ReplyToForumTopicInput!) { replyToForumTopic(input: $input) { post { id } } }",
    badInput: { input: { topicId: "nonsense", markdown: "x".repeat(70_000) } },
  },
  editForumPost: {
    operation: "mutation($input: EditForumPostInput!) { editForumPost(input: $input) { post { id } } }",
    badInput: { input: { postId: "nonsense", markdown: "", expectedVersion: 0 } },
  },
  likeForumPost: {
    operation: "mutation($input: ForumPostInput!) { likeForumPost(input: $input) { post { id } } }",
    badInput: { input: { postId: "nonsense" } },
  },
  unlikeForumPost: {
    operation: "mutation($input: ForumPostInput!) { unlikeForumPost(input: $input) { post { id } } }",
    badInput: { input: { postId: "nonsense" } },
  },
  acceptForumAnswer: {
    operation:
      "mutation($input: AcceptForumAnswerInput!) { acceptForumAnswer(input: $input) { topic { id } } }",
    badInput: { input: { postId: "nonsense" } },
  },
  unacceptForumAnswer: {
    operation:
      "mutation($input: UnacceptForumAnswerInput!) { unacceptForumAnswer(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense" } },
  },
  setForumWatchLevel: {
    operation:
      "mutation($input: SetForumWatchLevelInput!) { setForumWatchLevel(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", level: "MUTED" } },
  },
  markForumTopicRead: {
    operation:
      "mutation($input: MarkForumTopicReadInput!) { markForumTopicRead(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", postNumber: 0 } },
  },
  markForumNotificationsRead: {
    operation:
      "mutation($input: MarkForumNotificationsReadInput!) { markForumNotificationsRead(input: $input) { unreadCount } }",
    badInput: { input: { ids: ["nonsense"] } },
  },
  bookmarkForumPost: {
    operation:
      "mutation($input: BookmarkForumPostInput!) { bookmarkForumPost(input: $input) { bookmark { id } } }",
    badInput: { input: { postId: "nonsense" } },
  },
  removeForumBookmark: {
    operation:
      "mutation($input: RemoveForumBookmarkInput!) { removeForumBookmark(input: $input) { removed } }",
    badInput: { input: { postId: "nonsense" } },
  },
  saveForumDraft: {
    operation: "mutation($input: SaveForumDraftInput!) { saveForumDraft(input: $input) { draft { key } } }",
    badInput: { input: { key: "elsewhere", markdown: "", sequence: -1 } },
  },
  deleteForumDraft: {
    operation: "mutation($input: DeleteForumDraftInput!) { deleteForumDraft(input: $input) { deleted } }",
    badInput: { input: { key: "elsewhere" } },
  },
  flagForumPost: {
    operation: "mutation($input: FlagForumPostInput!) { flagForumPost(input: $input) { flag { id } } }",
    badInput: { input: { postId: "nonsense", reason: "SPAM" } },
  },
  resolveForumFlag: {
    operation: "mutation($input: ResolveForumFlagInput!) { resolveForumFlag(input: $input) { flag { id } } }",
    badInput: { input: { flagId: "nonsense", status: "PENDING" } },
  },
  setForumPostHidden: {
    operation:
      "mutation($input: SetForumPostHiddenInput!) { setForumPostHidden(input: $input) { post { id } } }",
    badInput: { input: { postId: "nonsense", hidden: true } },
  },
  setForumTopicLocked: {
    operation:
      "mutation($input: SetForumTopicFlagInput!) { setForumTopicLocked(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", value: true } },
  },
  setForumTopicPinned: {
    operation:
      "mutation($input: SetForumTopicFlagInput!) { setForumTopicPinned(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", value: true } },
  },
  setForumTopicHidden: {
    operation:
      "mutation($input: SetForumTopicFlagInput!) { setForumTopicHidden(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", value: true } },
  },
  moveForumTopic: {
    operation: "mutation($input: MoveForumTopicInput!) { moveForumTopic(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", categoryId: "nonsense" } },
  },
  castForumDecisionVote: {
    operation:
      "mutation($input: CastForumDecisionVoteInput!) { castForumDecisionVote(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", cooperativeId: "nonsense", option: -1 } },
  },
  acknowledgeForumAdvisory: {
    operation:
      "mutation($input: AcknowledgeForumAdvisoryInput!) { acknowledgeForumAdvisory(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", cooperativeId: "nonsense" } },
  },
  splitForumTopic: {
    operation:
      "mutation($input: SplitForumTopicInput!) { splitForumTopic(input: $input) { topic { id } source { id } } }",
    badInput: { input: { topicId: "nonsense", postIds: [], categoryId: "nonsense", title: "x" } },
  },
  mergeForumTopic: {
    operation:
      "mutation($input: MergeForumTopicInput!) { mergeForumTopic(input: $input) { target { id } source { id } } }",
    badInput: { input: { sourceTopicId: "nonsense", targetTopicId: "nonsense" } },
  },
  imposeForumPenalty: {
    operation:
      "mutation($input: ImposeForumPenaltyInput!) { imposeForumPenalty(input: $input) { penalty { id } } }",
    badInput: { input: { personId: "nonsense", kind: "SILENCE", reason: "", durationDays: 0 } },
  },
  liftForumPenalty: {
    operation:
      "mutation($input: LiftForumPenaltyInput!) { liftForumPenalty(input: $input) { penalty { id } } }",
    badInput: { input: { penaltyId: "nonsense" } },
  },
  setForumTopicSlowMode: {
    operation:
      "mutation($input: SetForumTopicSlowModeInput!) { setForumTopicSlowMode(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", seconds: -1 } },
  },
  stampForumTopicRelease: {
    operation:
      "mutation($input: StampForumTopicReleaseInput!) { stampForumTopicRelease(input: $input) { topic { id } } }",
    badInput: { input: { topicId: "nonsense", releaseId: "nonsense" } },
  },
  confirmForumAnswerRelease: {
    operation:
      "mutation($input: ConfirmForumAnswerReleaseInput!) { confirmForumAnswerRelease(input: $input) { post { id } } }",
    badInput: { input: { postId: "nonsense" } },
  },
  proposeManualChangeFromForumAnswer: {
    operation:
      "mutation($input: ProposeManualChangeFromForumAnswerInput!) { proposeManualChangeFromForumAnswer(input: $input) { proposal { id } } }",
    badInput: { input: { postId: "nonsense", slug: "Not A Slug" } },
  },
  setForumCategoryWatchLevel: {
    operation:
      "mutation($input: SetForumCategoryWatchLevelInput!) { setForumCategoryWatchLevel(input: $input) { category { id } } }",
    badInput: { input: { categoryId: "nonsense", level: "MUTED" } },
  },
  setForumTagWatchLevel: {
    operation:
      "mutation($input: SetForumTagWatchLevelInput!) { setForumTagWatchLevel(input: $input) { tag level } }",
    badInput: { input: { tag: "Not A Tag!", level: "WATCHING" } },
  },
  setForumCategoryDefaultWatchLevel: {
    operation:
      "mutation($input: SetForumCategoryDefaultWatchLevelInput!) { setForumCategoryDefaultWatchLevel(input: $input) { category { id } } }",
    badInput: { input: { categoryId: "nonsense", level: "WATCHING_FIRST_POST" } },
  },
  updateForumEmailPreferences: {
    operation:
      "mutation($input: UpdateForumEmailPreferencesInput!) { updateForumEmailPreferences(input: $input) { preferences { emailDigest } } }",
    badInput: { input: {} },
  },
  // Member clusters (issue 3). Agent mutations are refused to people, so their bad input is sent by an agent.
  createClusterJoinToken: {
    operation:
      "mutation($input: CreateClusterJoinTokenInput!) { createClusterJoinToken(input: $input) { joinToken } }",
    badInput: { input: { cooperativeId: "nonsense", clusterName: "Not A Name" } },
  },
  acceptMemberCluster: {
    operation:
      "mutation($input: DecideMemberClusterInput!) { acceptMemberCluster(input: $input) { memberCluster { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  denyMemberCluster: {
    operation:
      "mutation($input: DecideMemberClusterInput!) { denyMemberCluster(input: $input) { memberCluster { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  unacceptMemberCluster: {
    operation:
      "mutation($input: DecideMemberClusterInput!) { unacceptMemberCluster(input: $input) { memberCluster { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  setMemberClusterLabels: {
    operation:
      "mutation($input: SetMemberClusterLabelsInput!) { setMemberClusterLabels(input: $input) { memberCluster { id } } }",
    badInput: { input: { id: "nonsense", labels: [{ key: "country", value: "Nowhere" }] } },
  },
  setMemberClusterMaintenance: {
    operation:
      "mutation($input: SetMemberClusterMaintenanceInput!) { setMemberClusterMaintenance(input: $input) { memberCluster { id } } }",
    badInput: { input: { id: "nonsense", maintenance: true, reason: "x".repeat(500) } },
  },
  revokeMemberCluster: {
    operation:
      "mutation($input: RevokeMemberClusterInput!) { revokeMemberCluster(input: $input) { memberCluster { id } } }",
    badInput: { input: { id: "nonsense" } },
  },
  registerCluster: {
    operation: "mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { leaseSeconds } }",
    badInput: { input: { joinToken: "nonsense", clusterUid: "", kubernetesVersion: "", agentVersion: "" } },
    prepare: async (testHub) => {
      const { secret } = await buildJoinToken(testHub.database.dataSource);
      return {
        variables: {
          input: { joinToken: secret, clusterUid: "no uid", kubernetesVersion: "?", agentVersion: "" },
        },
      };
    },
  },
  renewLease: {
    operation: "mutation($input: RenewLeaseInput!) { renewLease(input: $input) { leaseSeconds } }",
    badInput: { input: { agentTime: "1900-01-01T00:00:00Z" } },
    prepare: async (testHub) => ({
      token: (await buildRegisteredCluster(testHub.database.dataSource)).credential,
    }),
  },
  reportStatus: {
    operation: "mutation($input: ReportStatusInput!) { reportStatus(input: $input) { accepted } }",
    badInput: { input: { clusterUid: "x", observedAt: "2026-11-25T08:00:00Z", report: { nodes: -1 } } },
    prepare: async (testHub) => ({
      token: (await buildRegisteredCluster(testHub.database.dataSource)).credential,
    }),
  },
  rotateCredential: {
    operation: "mutation { rotateCredential { credential { expiresAt } } }",
    badInput: {},
    noInput: true,
  },
  recordAgentEvents: {
    operation: "mutation($input: RecordAgentEventsInput!) { recordAgentEvents(input: $input) { accepted } }",
    badInput: { input: { events: [{ type: "", at: "never" }] } },
    prepare: async (testHub) => ({
      token: (await buildRegisteredCluster(testHub.database.dataSource)).credential,
    }),
  },
  proposeManualChange: {
    operation:
      "mutation($input: ProposeManualChangeInput!) { proposeManualChange(input: $input) { proposal { id } } }",
    badInput: { input: { title: "", markdown: " " } },
  },
  commentOnManualProposal: {
    operation:
      "mutation($input: CommentOnManualProposalInput!) { commentOnManualProposal(input: $input) { comment { id } } }",
    badInput: { input: { proposalId: "nonsense", body: "" } },
  },
  mergeManualProposal: {
    operation:
      "mutation($input: MergeManualProposalInput!) { mergeManualProposal(input: $input) { revision { id } } }",
    badInput: { input: { proposalId: "nonsense" } },
  },
  declineManualProposal: {
    operation:
      "mutation($input: DeclineManualProposalInput!) { declineManualProposal(input: $input) { proposal { id } } }",
    badInput: { input: { proposalId: "nonsense" } },
  },
  editManualPage: {
    operation: "mutation($input: EditManualPageInput!) { editManualPage(input: $input) { revision { id } } }",
    badInput: { input: { pageId: "nonsense", baseRevisionId: "nonsense", title: "", markdown: "" } },
  },
  restoreManualPageRevision: {
    operation:
      "mutation($input: RestoreManualPageRevisionInput!) { restoreManualPageRevision(input: $input) { revision { id } } }",
    badInput: { input: { pageId: "nonsense", number: 0 } },
  },
  rateManualPage: {
    operation: "mutation($input: RateManualPageInput!) { rateManualPage(input: $input) { feedback { id } } }",
    badInput: { input: { pageId: "nonsense", helpful: true, comment: "x".repeat(3_000) } },
  },
  cutManualRelease: {
    operation:
      "mutation($input: CutManualReleaseInput!) { cutManualRelease(input: $input) { release { id } } }",
    badInput: { input: { fromReleaseId: "nonsense", name: "Not A Name", title: "" } },
  },
  addManualMaintainer: {
    operation:
      "mutation($input: AddManualMaintainerInput!) { addManualMaintainer(input: $input) { manual { id } } }",
    badInput: { input: { manualId: "nonsense", cooperativeSlug: "a", personHandle: "b" } },
    prepare: async (testHub) => ({
      token: (await buildCaller(testHub.database.dataSource, { hubRoles: ["steward"] })).token,
    }),
  },
  removeManualMaintainer: {
    operation:
      "mutation($input: RemoveManualMaintainerInput!) { removeManualMaintainer(input: $input) { manual { id } } }",
    badInput: { input: { manualId: "nonsense" } },
    prepare: async (testHub) => ({
      token: (await buildCaller(testHub.database.dataSource, { hubRoles: ["steward"] })).token,
    }),
  },
  setManualReleaseStatus: {
    operation:
      "mutation($input: SetManualReleaseStatusInput!) { setManualReleaseStatus(input: $input) { release { id } } }",
    badInput: { input: { releaseId: "nonsense", status: "CURRENT" } },
  },
  publishBlueprintVersion: {
    operation:
      "mutation($input: PublishBlueprintVersionInput!) { publishBlueprintVersion(input: $input) { created } }",
    badInput: { input: { cooperativeId: "nonsense", tarball: "not base64!" } },
  },
  yankBlueprintVersion: {
    operation:
      "mutation($input: YankBlueprintVersionInput!) { yankBlueprintVersion(input: $input) { version { id } } }",
    badInput: { input: { name: "Bad Name", version: "", reason: "" } },
  },
  registerSigningKey: {
    operation:
      "mutation($input: RegisterSigningKeyInput!) { registerSigningKey(input: $input) { signingKey { id } } }",
    badInput: { input: { cooperativeId: "nonsense", name: "", publicKey: "" } },
  },
  trustSigningKey: {
    operation:
      "mutation($input: TrustSigningKeyInput!) { trustSigningKey(input: $input) { signingKey { id } } }",
    badInput: { input: { signingKeyId: "nonsense" } },
  },
  setCapacityOffer: {
    operation:
      "mutation($input: SetCapacityOfferInput!) { setCapacityOffer(input: $input) { offer { id } } }",
    badInput: { input: { clusterId: "nonsense", preemptible: false } },
    // The cluster's admin, so the bad input reaches validation and not only the id check.
    prepare: async (testHub) => {
      const admin = await buildPerson(testHub.database.dataSource);
      const cooperative = await buildCooperative(testHub.database.dataSource, { admins: [admin] });
      const { cluster } = await buildAcceptedCluster(testHub.database.dataSource, { cooperative });
      return {
        token: await buildApiToken(testHub.database.dataSource, admin),
        variables: {
          input: {
            clusterId: toGlobalId("MemberCluster", cluster.id),
            preemptible: true,
            caps: [{ resource: "cpu", amount: -1 }],
            windows: [{ days: [9], start: "25:00", end: "26:00", timeZone: "Nowhere/Town" }],
          },
        },
      };
    },
  },
  withdrawCapacityOffer: {
    operation:
      "mutation($input: WithdrawCapacityOfferInput!) { withdrawCapacityOffer(input: $input) { offer { id } } }",
    badInput: { input: { clusterId: "nonsense" } },
  },
  createPlacement: {
    operation:
      "mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }",
    badInput: {
      input: {
        request: {
          cooperativeId: "nonsense",
          name: "web",
          replicas: 1,
          resources: [],
          mode: { kind: "DIVIDED" },
        },
      },
    },
    // An admin of the requesting cooperative, so the bad input reaches validation and not only the id check.
    prepare: async (testHub) => {
      const admin = await buildPerson(testHub.database.dataSource);
      const cooperative = await buildCooperative(testHub.database.dataSource, { admins: [admin] });
      return {
        token: await buildApiToken(testHub.database.dataSource, admin),
        variables: {
          input: {
            request: {
              cooperativeId: toGlobalId("Cooperative", cooperative.id),
              name: "Bad Name",
              manifests: "kind: Nope",
              replicas: 0,
              resources: [{ resource: "bananas", amount: -1 }],
              mode: { kind: "DIVIDED" },
            },
          },
        },
      };
    },
  },
  cancelPlacement: {
    operation:
      "mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { placement { id } } }",
    badInput: { input: { placementId: "nonsense" } },
  },
};

const sampleValid = (entry: { badInput: Record<string, unknown> }) => entry.badInput;

describe("GraphQL conventions", () => {
  it("covers every mutation of the schema in the table above", () => {
    const schema = buildSchema(readTypeDefs().join("\n"));
    const names = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(names);
  });

  it.each(Object.entries(MUTATIONS))(
    "refuses %s without credentials with UNAUTHENTICATED",
    async (_name, entry) => {
      const result = await graphql(hub.url, entry.operation, sampleValid(entry));
      const code = result.errors?.[0]?.extensions?.code;
      // Input is validated after authentication, so an anonymous caller learns nothing about the input's validity.
      expect(code, JSON.stringify(result.errors)).toBe("UNAUTHENTICATED");
    },
  );

  it.each(Object.entries(MUTATIONS).filter(([name, entry]) => name !== "ping" && !entry.noInput))(
    "refuses bad input to %s with a typed error, never an internal one",
    async (name, entry) => {
      // Each caller is allowed to attempt the mutation, so only the input can be at fault.
      const caller = name === "approveCooperative" || name === "declineCooperative" ? stewardToken : token;
      const prepared = entry.prepare ? await entry.prepare(hub) : {};
      const result = await graphql(hub.url, entry.operation, prepared.variables ?? entry.badInput, {
        token: prepared.token ?? caller,
      });
      const code = result.errors?.[0]?.extensions?.code;
      // Tokens may never create tokens (that needs a session with a second factor): FORBIDDEN comes first.
      const expected = name === "createApiToken" ? "FORBIDDEN" : "BAD_USER_INPUT";
      expect(code, JSON.stringify(result.errors)).toBe(expected);
    },
  );

  it("rejects too deep, too costly and alias-heavy queries with QUERY_TOO_COMPLEX", async () => {
    const deep = `{ viewer { memberships { edges { node { cooperative { members { edges { node { cooperative { members { edges { node { id } } } } } } } } } } } } }`;
    expectErrorCode(await graphql(hub.url, deep, {}, { token }), "QUERY_TOO_COMPLEX");
    const aliases = `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: viewer { person { id } }`).join(" ")} }`;
    expectErrorCode(await graphql(hub.url, aliases, {}, { token }), "QUERY_TOO_COMPLEX");
    const costly = `{ cooperatives(first: 100) { edges { node { members(first: 100) { edges { node { person { id handle name } } } } } } } }`;
    expectErrorCode(await graphql(hub.url, costly, {}, { token }), "QUERY_TOO_COMPLEX");
  });

  it("answers syntax errors and unknown fields with request error codes, never internal ones", async () => {
    expectErrorCode(await graphql(hub.url, "{ viewer { "), "GRAPHQL_PARSE_FAILED");
    expectErrorCode(await graphql(hub.url, "{ nothingHere }"), "GRAPHQL_VALIDATION_FAILED");
    expectErrorCode(
      await graphql(hub.url, "query($n: Int) { cooperatives(first: $n) { totalCount } }", { n: "many" }),
      "BAD_USER_INPUT",
    );
  });

  it("refuses a cookie-less cross-site GET without the preflight header (CSRF prevention)", async () => {
    const response = await fetch(`${hub.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
  });

  it("passes the graphql-http GraphQL-over-HTTP audit suite", async () => {
    // Browsers and clients send Apollo's preflight header on GET; the audit's fetch does the same.
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("apollo-require-preflight", "true");
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: `${hub.url}/graphql`, fetchFn });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") failures.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("Introspection", () => {
  it("is on by default outside production", async () => {
    const result = await graphql<{ __schema: { queryType: { name: string } } }>(
      hub.url,
      "{ __schema { queryType { name } } }",
    );
    expect(result.data?.__schema.queryType.name).toBe("Query");
  });

  it("can be switched off", async () => {
    const closed = await startTestHub({ env: { GRAPHQL_INTROSPECTION: "false" } });
    try {
      expectErrorCode(
        await graphql(closed.url, "{ __schema { queryType { name } } }"),
        "GRAPHQL_VALIDATION_FAILED",
      );
    } finally {
      await closed.stop();
    }
  });
});
