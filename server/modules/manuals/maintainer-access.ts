import type { EntityManager } from "typeorm";
import type { GraphQLContext, ViewerIdentity } from "../../graphql/context.js";

/** Whether the viewer (or one of their cooperatives) maintains at least one manual. */
export async function maintainsAnyManual(
  manager: EntityManager,
  viewer: ViewerIdentity | null,
): Promise<boolean> {
  if (!viewer) return false;
  const rows: unknown[] = await manager.query(
    "SELECT 1 FROM manual_maintainer WHERE person_id = $1 OR cooperative_id = ANY($2::uuid[]) LIMIT 1",
    [viewer.person.id, [...viewer.memberships.keys()]],
  );
  return rows.length > 0;
}

/** True when the viewer holds the manual's maintainer role, in person or through one of their cooperatives. */
export async function isManualMaintainer(
  manager: EntityManager,
  manualId: string,
  viewer: ViewerIdentity | null,
): Promise<boolean> {
  if (!viewer) return false;
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM manual_maintainer WHERE manual_id = $1 AND (person_id = $2 OR cooperative_id = ANY($3::uuid[]))
     LIMIT 1`,
    [manualId, viewer.person.id, [...viewer.memberships.keys()]],
  );
  return rows.length > 0;
}

/** The policy resource of a manual for the viewer: whether they maintain it. */
export async function manualResource(
  context: GraphQLContext,
  manualId: string,
): Promise<{ isMaintainer: boolean }> {
  return { isMaintainer: await isManualMaintainer(context.dataSource.manager, manualId, context.viewer) };
}

/** UNAUTHENTICATED or FORBIDDEN unless the viewer may maintain the manual; returns the viewer. */
export async function authorizeMaintainer(
  context: GraphQLContext,
  manualId: string,
): Promise<ViewerIdentity> {
  context.policy.requireViewer();
  return context.policy.authorize("manual.maintain", await manualResource(context, manualId));
}
