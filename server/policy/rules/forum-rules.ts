import type { ForumAudience } from "../../modules/forum/forum-category.entity.js";
import type { PolicyResource, PolicyRules, RuleSubject } from "../policy-rule.js";

/** What the forum's rules need to know about the viewer beyond the subject: tiers of their approved cooperatives. */
export interface ForumResource extends PolicyResource {
  audience?: ForumAudience;
  viewerCooperativeTiers?: readonly string[];
  locked?: boolean;
  allowsAcceptedAnswers?: boolean;
}

/** Whether a signed-in viewer belongs to `audience`. Moderators belong to every audience. */
export function inAudience(subject: RuleSubject, resource: ForumResource): boolean {
  const tiers = resource.viewerCooperativeTiers ?? [];
  switch (resource.audience) {
    case "everyone":
    case "signed_in":
      return true;
    case "cooperatives":
      return subject.isModerator || tiers.length > 0;
    case "tcc_members":
      return subject.isModerator || tiers.includes("tcc_member");
    case "moderators":
      return subject.isModerator;
    default:
      return false;
  }
}

const isOwner = (subject: RuleSubject, resource: PolicyResource) =>
  resource.ownerId !== undefined && resource.ownerId === subject.viewer.person.id;

/**
 * The forum. Category actions take the category's audience for that action in `resource.audience`; locked topics
 * take replies and edits from moderators only.
 */
export const FORUM_RULES = {
  "forum.read": { allow: (subject, resource: ForumResource) => inAudience(subject, resource) },
  "forum.createTopic": {
    write: true,
    allow: (subject, resource: ForumResource) => inAudience(subject, resource),
  },
  "forum.reply": {
    write: true,
    allow: (subject, resource: ForumResource) =>
      inAudience(subject, resource) && (!resource.locked || subject.isModerator),
  },
  "forum.editPost": {
    write: true,
    allow: (subject, resource: ForumResource) =>
      (isOwner(subject, resource) && !resource.locked) || subject.isModerator,
  },
  "forum.acceptAnswer": {
    write: true,
    allow: (subject, resource: ForumResource) =>
      resource.allowsAcceptedAnswers === true && (isOwner(subject, resource) || subject.isModerator),
  },
  /** Likes, watching, read state, bookmarks, drafts, flags and notifications: one's own forum state. */
  "forum.participate": { write: true, allow: () => true },
  "forum.moderate": { write: true, allow: (subject) => subject.isModerator },
  "forum.readReviewQueue": { allow: (subject) => subject.isModerator },
  "forum.manageCategories": { write: true, allow: (subject) => subject.isSteward },
  /** A cooperative votes and acknowledges through its admins (`resource.cooperativeId`). */
  "forum.voteDecision": { write: true, allow: (subject) => subject.role === "admin" },
  "forum.acknowledgeAdvisory": { write: true, allow: (subject) => subject.role === "admin" },
  "forum.readAdvisoryStatus": { allow: (subject) => subject.isSteward },
} satisfies PolicyRules;
