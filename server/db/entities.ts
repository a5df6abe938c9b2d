import { ApiTokenEntity } from "../modules/api-tokens/api-token.entity.js";
import { AuditEventEntity } from "../modules/audit/audit-event.entity.js";
import { CooperativeEntity } from "../modules/cooperatives/cooperative.entity.js";
import { InvitationEntity } from "../modules/cooperatives/invitation.entity.js";
import { MembershipEntity } from "../modules/cooperatives/membership.entity.js";
import { PersonEntity } from "../modules/people/person.entity.js";
import { SearchDocumentEntity } from "../modules/search/search-document.entity.js";
import { SearchTermEntity } from "../modules/search/search-term.entity.js";
import { SearchLexemeEntity } from "../modules/search/search-lexeme.entity.js";
import { SearchMissEntity } from "../modules/search/search-miss.entity.js";
import { SearchOutboxEntity } from "../modules/search/outbox/search-outbox.entity.js";
import { HttpSessionEntity } from "../auth/session/http-session.entity.js";
import { RateLimitBucketEntity } from "../ops/rate-limit-bucket.entity.js";
import { FORUM_ENTITIES } from "../modules/forum/forum-entities.js";
import { FORUM_NOTIFICATION_ENTITIES } from "../modules/forum/mail/forum-notification-entities.js";
import { CLUSTER_ENTITIES } from "../modules/clusters/cluster-entities.js";
import { CapacityOfferEntity } from "../modules/offers/capacity-offer.entity.js";
import { PLACEMENT_ENTITIES } from "../modules/placement/model/placement-entities.js";
import { BlueprintEntity } from "../modules/blueprints/model/blueprint.entity.js";
import { BlueprintDownloadEntity } from "../modules/blueprints/model/blueprint-download.entity.js";
import { BlueprintSignatureEntity } from "../modules/blueprints/model/blueprint-signature.entity.js";
import { BlueprintVersionEntity } from "../modules/blueprints/model/blueprint-version.entity.js";
import { KeyringEntryEntity } from "../modules/blueprints/model/keyring-entry.entity.js";
import { SigningKeyEntity } from "../modules/blueprints/model/signing-key.entity.js";
import { ManualEntity } from "../modules/manuals/manual.entity.js";
import { ManualReleaseEntity } from "../modules/manuals/manual-release.entity.js";
import { ManualChapterEntity } from "../modules/manuals/manual-chapter.entity.js";
import { ManualMaintainerEntity } from "../modules/manuals/manual-maintainer.entity.js";
import { ManualPageEntity } from "../modules/manuals/manual-page.entity.js";
import { ManualPageFeedbackEntity } from "../modules/manuals/manual-page-feedback.entity.js";
import { ManualPageRevisionEntity } from "../modules/manuals/manual-page-revision.entity.js";
import { ManualProposalEntity } from "../modules/manuals/manual-proposal.entity.js";
import { ManualProposalCommentEntity } from "../modules/manuals/manual-proposal-comment.entity.js";

/** Every entity of the hub. Migration drift is checked against exactly this list. */
export const ENTITIES = [
  PersonEntity,
  CooperativeEntity,
  MembershipEntity,
  InvitationEntity,
  ApiTokenEntity,
  AuditEventEntity,
  HttpSessionEntity,
  RateLimitBucketEntity,
  BlueprintEntity,
  BlueprintVersionEntity,
  BlueprintDownloadEntity,
  SigningKeyEntity,
  KeyringEntryEntity,
  BlueprintSignatureEntity,
  ManualEntity,
  ManualMaintainerEntity,
  ManualReleaseEntity,
  ManualChapterEntity,
  ManualPageEntity,
  ManualPageRevisionEntity,
  ManualProposalEntity,
  ManualProposalCommentEntity,
  ManualPageFeedbackEntity,
  ...FORUM_ENTITIES,
  ...FORUM_NOTIFICATION_ENTITIES,
  ...CLUSTER_ENTITIES,
  CapacityOfferEntity,
  ...PLACEMENT_ENTITIES,
  SearchDocumentEntity,
  SearchTermEntity,
  SearchLexemeEntity,
  SearchMissEntity,
  SearchOutboxEntity,
];
