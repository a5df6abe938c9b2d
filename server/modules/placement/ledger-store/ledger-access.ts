import type { EntityManager } from "typeorm";
import { notFound } from "../../../errors.js";
import type { Policy } from "../../../policy/policy.js";
import { type Cooperative, CooperativeEntity } from "../../cooperatives/cooperative.entity.js";

/**
 * The cooperative whose ledger the viewer asks for, found by id or slug: anonymous → UNAUTHENTICATED, a
 * cooperative the viewer cannot see (unknown, or an application of others) → NOT_FOUND, a visible one whose
 * ledger is not theirs → FORBIDDEN. Shared by the GraphQL queries and the CSV download.
 */
export async function cooperativeForLedger(
  manager: EntityManager,
  policy: Policy,
  where: { id: string } | { slug: string },
): Promise<Cooperative> {
  policy.requireViewer();
  const cooperative = await manager.findOneBy(CooperativeEntity, where);
  const visible =
    cooperative !== null &&
    (cooperative.status === "approved" || policy.isSteward || policy.roleIn(cooperative.id) !== undefined);
  if (!cooperative || !visible) throw notFound("Cooperative");
  policy.authorize("ledger.statement.read", { cooperativeId: cooperative.id });
  return cooperative;
}

/** Path of a statement's CSV download, `/ledger/<slug>/<YYYY-MM>.csv`. */
export function statementCsvPath(slug: string, month: string): string {
  return `/ledger/${encodeURIComponent(slug)}/${month}.csv`;
}
