import type { Actor } from "../modules/audit/record-audit-event.js";
import type { GraphQLContext, ViewerIdentity } from "./context.js";

/** The audit actor for a change made by `viewer` in this request. */
export function actorFor(context: GraphQLContext, viewer: ViewerIdentity): Actor & { personId: string } {
  return { personId: viewer.person.id, requestId: context.requestId, now: context.clock.now() };
}
