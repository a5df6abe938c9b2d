import { ApiTokenEntity } from "../modules/api-tokens/api-token.entity.js";
import { AuditEventEntity } from "../modules/audit/audit-event.entity.js";
import { CooperativeEntity } from "../modules/cooperatives/cooperative.entity.js";
import { InvitationEntity } from "../modules/cooperatives/invitation.entity.js";
import { MembershipEntity } from "../modules/cooperatives/membership.entity.js";
import { PersonEntity } from "../modules/people/person.entity.js";
import { HttpSessionEntity } from "../auth/session/http-session.entity.js";
import { RateLimitBucketEntity } from "../ops/rate-limit-bucket.entity.js";

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
];
