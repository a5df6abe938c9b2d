import type { EntityManager } from "typeorm";
import { z } from "zod";

/** Most blueprint versions one report may list: far above what a cluster runs, small enough to store at once. */
export const MAX_RUNNING_BLUEPRINTS = 200;

// Both values come from Kubernetes label values (at most 63 characters, no `+`): a blueprint name is a DNS label,
// a version is SemVer 2 without build metadata.
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NUMBER = "(0|[1-9]\\d*)";
const VERSION = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$`);

/** `ReportStatusInput.blueprints`; null or absent means "not reported" (an older agent), not "none". */
export const runningBlueprintsSchema = z
  .array(
    z.strictObject({
      name: z.string().max(63).regex(NAME, "a blueprint name (a lowercase DNS label)"),
      version: z.string().max(63).regex(VERSION, "a SemVer version without build metadata"),
    }),
  )
  .max(MAX_RUNNING_BLUEPRINTS, `at most ${MAX_RUNNING_BLUEPRINTS} blueprint versions`)
  .nullish();

/** A validated blueprint name and version. */
export type RunningBlueprint = { name: string; version: string };

/**
 * Replaces the blueprint versions a cluster runs with `blueprints` (duplicates collapse), in the caller's
 * transaction: the status report and its blueprints are stored together or not at all.
 */
export async function replaceRunningBlueprints(
  manager: EntityManager,
  clusterId: string,
  blueprints: readonly RunningBlueprint[],
): Promise<void> {
  await clearRunningBlueprints(manager, clusterId);
  if (blueprints.length === 0) return;
  await manager.query(
    `INSERT INTO cluster_running_blueprint (cluster_id, name, version)
     SELECT $1, name, version FROM unnest($2::text[], $3::text[]) AS reported(name, version)
     ON CONFLICT DO NOTHING`,
    [
      clusterId,
      blueprints.map((blueprint) => blueprint.name),
      blueprints.map((blueprint) => blueprint.version),
    ],
  );
}

/** Forgets what a cluster runs (it was denied or revoked: its reports no longer count anywhere). */
export async function clearRunningBlueprints(manager: EntityManager, clusterId: string): Promise<void> {
  await manager.query("DELETE FROM cluster_running_blueprint WHERE cluster_id = $1", [clusterId]);
}
