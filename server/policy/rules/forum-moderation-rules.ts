import type { PolicyRules, RuleSubject } from "../policy-rule.js";
import type { ForumResource } from "./forum-rules.js";

/** Facts the release-aware answer rules need: who wrote the topic besides the answer's owner. */
export interface ForumAnswerResource extends ForumResource {
  topicAuthorId?: string;
}

const isTccMember = (resource: ForumResource) =>
  (resource.viewerCooperativeTiers ?? []).includes("tcc_member");

const isAuthor = (subject: RuleSubject, resource: ForumAnswerResource) =>
  resource.ownerId === subject.viewer.person.id || resource.topicAuthorId === subject.viewer.person.id;

/**
 * The forum's moderation tools and release-aware answers. Split, merge, penalties and slow mode are for
 * moderators; a topic's author may stamp its release; an answer is confirmed for a newer release by its author,
 * the topic's author, a moderator or any member of a TCC member cooperative (they run the stack the releases
 * describe, so their word on "still works in 2026.11" is the one the alliance trusts).
 */
export const FORUM_MODERATION_RULES = {
  "forum.splitTopic": { write: true, allow: (subject) => subject.isModerator },
  "forum.mergeTopics": { write: true, allow: (subject) => subject.isModerator },
  "forum.penalize": {
    write: true,
    allow: (subject, resource) => subject.isModerator && resource.ownerId !== subject.viewer.person.id,
  },
  "forum.readPenalties": { allow: (subject) => subject.isModerator },
  "forum.setSlowMode": { write: true, allow: (subject) => subject.isModerator },
  "forum.stampRelease": {
    write: true,
    allow: (subject, resource) => subject.isModerator || resource.ownerId === subject.viewer.person.id,
  },
  "forum.confirmAnswerRelease": {
    write: true,
    allow: (subject, resource: ForumAnswerResource) =>
      subject.isModerator || isAuthor(subject, resource) || isTccMember(resource),
  },
  /** Anyone signed in may propose a manual change (as `manual.propose`); here from an accepted answer they can read. */
  "forum.proposeAnswerToManual": { write: true, allow: () => true },
} satisfies PolicyRules;
