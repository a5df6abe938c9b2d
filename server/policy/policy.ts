import { isRecentMfa } from "../auth/oidc/step-up.js";
import { forbidden, stepUpRequired, unauthenticated } from "../errors.js";
import type { ViewerIdentity } from "../graphql/context.js";
import type { PolicyResource, PolicyRule, RuleSubject } from "./policy-rule.js";
import { type Action, RULE_SETS } from "./rules/index.js";

export type { Action } from "./rules/index.js";
export type { PolicyResource } from "./policy-rule.js";

function mergeRules(): Map<string, PolicyRule> {
  const merged = new Map<string, PolicyRule>();
  for (const rules of RULE_SETS) {
    for (const [action, rule] of Object.entries(rules)) {
      if (merged.has(action)) throw new Error(`policy action ${action} is defined twice`);
      merged.set(action, rule);
    }
  }
  return merged;
}

const RULES = mergeRules();

export interface PolicyOptions {
  now: () => Date;
  stepUpMaxAgeMinutes: number;
  /** Where to send the person to sign in again with a second factor. */
  stepUpUrl: string;
}

type Decision = "allow" | "unauthenticated" | "forbidden" | "step_up";

/**
 * Every authorisation decision of the hub goes through here. Resolvers call `policy.authorize(action, resource)`
 * before they read or change anything that is not public; the rules themselves live in `rules/`, one file per
 * domain.
 */
export class Policy {
  constructor(
    readonly viewer: ViewerIdentity | null,
    private readonly options: PolicyOptions,
  ) {}

  get isSteward(): boolean {
    return this.viewer?.person.hubRoles.includes("steward") ?? false;
  }

  get isModerator(): boolean {
    return this.isSteward || (this.viewer?.person.hubRoles.includes("moderator") ?? false);
  }

  /** The viewer's role in a cooperative, if any. */
  roleIn(cooperativeId: string | undefined): "member" | "admin" | undefined {
    return cooperativeId ? this.viewer?.memberships.get(cooperativeId) : undefined;
  }

  /** True when the session signed in with a second factor within the configured window. */
  get hasRecentSecondFactor(): boolean {
    if (this.viewer?.method !== "session") return false;
    const authTime = this.viewer.secondFactorAt;
    return isRecentMfa(
      { mfa: authTime !== null, authTime },
      this.options.now(),
      this.options.stepUpMaxAgeMinutes * 60,
    );
  }

  private decide(action: Action, resource: PolicyResource): Decision {
    const viewer = this.viewer;
    if (!viewer) return "unauthenticated";
    const rule = RULES.get(action);
    if (!rule) throw new Error(`no policy rule for ${action}`);
    if (rule.write && !viewer.scopes.includes("write")) return "forbidden";
    const subject: RuleSubject = {
      viewer,
      isSteward: this.isSteward,
      isModerator: this.isModerator,
      role: this.roleIn(resource.cooperativeId),
      roleIn: (cooperativeId) => this.roleIn(cooperativeId),
    };
    if (!rule.allow(subject, resource)) return "forbidden";
    if (rule.stepUp && !this.hasRecentSecondFactor) return "step_up";
    return "allow";
  }

  /** True when the viewer may perform `action`; never throws. */
  can(action: Action, resource: PolicyResource = {}): boolean {
    return this.decide(action, resource) === "allow";
  }

  /** Throws UNAUTHENTICATED, FORBIDDEN or STEP_UP_REQUIRED unless the viewer may perform `action`. */
  authorize(action: Action, resource: PolicyResource = {}): ViewerIdentity {
    const decision = this.decide(action, resource);
    if (decision === "unauthenticated") throw unauthenticated();
    if (decision === "forbidden") throw forbidden();
    if (decision === "step_up") throw stepUpRequired(this.options.stepUpUrl);
    return this.viewer!;
  }

  /** The signed-in viewer, or UNAUTHENTICATED. */
  requireViewer(): ViewerIdentity {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }
}
