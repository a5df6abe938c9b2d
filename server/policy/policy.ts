import { forbidden, stepUpRequired, unauthenticated } from "../errors.js";
import type { ViewerIdentity } from "../graphql/context.js";

/**
 * Every authorisation decision of the hub, in one place. Resolvers call `policy.authorize(action, resource)`
 * before they read or change anything that is not public.
 */
export type Action =
  | "cooperative.apply"
  | "cooperative.decide"
  | "cooperative.readPending"
  | "cooperative.update"
  | "cooperative.readMembers"
  | "cooperative.manageMembers"
  | "cooperative.leave"
  | "invitation.accept"
  | "audit.read"
  | "apiToken.create"
  | "apiToken.revoke"
  | "person.readEmail";

/** The object an action is about, as far as the policy needs to know it. */
export interface PolicyResource {
  cooperativeId?: string;
  /** The person who owns the object (API token, profile, application). */
  ownerId?: string;
}

/** Actions that change state: API tokens need the WRITE scope for them. */
const WRITE_ACTIONS = new Set<Action>([
  "cooperative.apply",
  "cooperative.decide",
  "cooperative.update",
  "cooperative.manageMembers",
  "cooperative.leave",
  "invitation.accept",
  "apiToken.create",
  "apiToken.revoke",
]);

/** Actions that demand a recent sign-in with a second factor (and so a browser session). */
const STEP_UP_ACTIONS = new Set<Action>(["apiToken.create"]);

export interface PolicyOptions {
  now: () => Date;
  stepUpMaxAgeMinutes: number;
  /** Where to send the person to sign in again with a second factor. */
  stepUpUrl: string;
}

type Decision = "allow" | "unauthenticated" | "forbidden" | "step_up";

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
    const at = this.viewer?.secondFactorAt;
    if (!at || this.viewer?.method !== "session") return false;
    return this.options.now().getTime() - at.getTime() <= this.options.stepUpMaxAgeMinutes * 60_000;
  }

  private decide(action: Action, resource: PolicyResource): Decision {
    const viewer = this.viewer;
    if (!viewer) return "unauthenticated";
    if (WRITE_ACTIONS.has(action) && !viewer.scopes.includes("write")) return "forbidden";
    const role = this.roleIn(resource.cooperativeId);
    const allowed = ((): boolean => {
      switch (action) {
        case "cooperative.apply":
        case "invitation.accept":
          return true;
        case "cooperative.decide":
        case "cooperative.readPending":
          return this.isSteward;
        case "cooperative.update":
        case "cooperative.manageMembers":
          return role === "admin" || this.isSteward;
        case "cooperative.readMembers":
          return role !== undefined || this.isSteward;
        case "cooperative.leave":
          return role !== undefined;
        case "audit.read":
          return this.isSteward || (resource.cooperativeId !== undefined && role === "admin");
        case "apiToken.create":
          return viewer.method === "session";
        case "apiToken.revoke":
          return resource.ownerId === viewer.person.id;
        case "person.readEmail":
          return resource.ownerId === viewer.person.id || this.isSteward;
        default: {
          const unreachable: never = action;
          throw new Error(`unknown action ${String(unreachable)}`);
        }
      }
    })();
    if (!allowed) return "forbidden";
    if (STEP_UP_ACTIONS.has(action) && !this.hasRecentSecondFactor) return "step_up";
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
