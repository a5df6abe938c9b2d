import type { ViewerIdentity } from "../graphql/context.js";

/** The object an action is about, as far as the policy needs to know it. */
export interface PolicyResource {
  cooperativeId?: string;
  /** The person who owns the object (API token, profile, application). */
  ownerId?: string;
  /** Free-form facts a domain's rules need (e.g. a category's permissions); typed by that domain. */
  [fact: string]: unknown;
}

/** What a rule sees about the viewer; computed once per request by the Policy. */
export interface RuleSubject {
  viewer: ViewerIdentity;
  isSteward: boolean;
  isModerator: boolean;
  /** The viewer's role in `resource.cooperativeId`, if any. */
  role: "member" | "admin" | undefined;
  roleIn(cooperativeId: string | undefined): "member" | "admin" | undefined;
}

/**
 * One action's rule. `write`: API tokens need the WRITE scope. `stepUp`: demands a recent sign-in with a second
 * factor (and so a browser session).
 */
export interface PolicyRule {
  allow(subject: RuleSubject, resource: PolicyResource): boolean;
  write?: boolean;
  stepUp?: boolean;
}

/** A domain's rules, keyed by dotted action name (`cooperative.update`). */
export type PolicyRules = Record<string, PolicyRule>;
