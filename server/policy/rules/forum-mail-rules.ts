import type { PolicyResource, PolicyRules } from "../policy-rule.js";

/** Whether the hub runs in development (the dev mailbox is then open to every signed-in person). */
export interface DevMailboxResource extends PolicyResource {
  development?: boolean;
}

/**
 * Forum watching defaults and email. A person's own levels and email switches are `forum.participate`; these are
 * the actions beyond one's own state.
 */
export const FORUM_MAIL_RULES = {
  /** The level everyone gets on a category unless they chose one: moderators (and so stewards). */
  "forum.setCategoryDefaultWatchLevel": { write: true, allow: (subject) => subject.isModerator },
  /** Everyone's outgoing mail (with their unsubscribe links): stewards, or anyone in development. */
  "forum.readDevMailbox": {
    allow: (subject, resource: DevMailboxResource) => resource.development === true || subject.isSteward,
  },
} satisfies PolicyRules;
