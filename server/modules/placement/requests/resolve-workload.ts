import type { EntityManager } from "typeorm";
import { HubError, badUserInput, notFound } from "../../../errors.js";
import { renderVersion } from "../../blueprints/catalog/render-version.js";
import { BlueprintEntity } from "../../blueprints/model/blueprint.entity.js";
import { BlueprintVersionEntity } from "../../blueprints/model/blueprint-version.entity.js";
import type { KubernetesObject } from "../manifests/pod-spec-of.js";
import { validateManifests } from "../manifests/validate-manifests.js";
import type { WorkloadSource } from "./validate-request.js";

/** One problem with the workload, naming the field and, for manifests, the object (`Deployment/web`, document n). */
export interface WorkloadProblem {
  field: string;
  message: string;
  object?: string;
  document?: number;
}

/** The workload as it will be stored (`yaml`) and applied (`objects`), or every problem found. */
export type ResolvedWorkload =
  | {
      ok: true;
      yaml: string;
      objects: KubernetesObject[];
      blueprintVersionId: string | null;
      blueprintParameters: Record<string, unknown> | null;
    }
  | { ok: false; problems: WorkloadProblem[] };

function checkYaml(
  yaml: string,
  field: string,
): { ok: true; objects: KubernetesObject[] } | { ok: false; problems: WorkloadProblem[] } {
  const result = validateManifests(yaml);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((problem) => ({
      field,
      object: problem.object,
      document: problem.document,
      message: `${problem.object} (document ${problem.document}): ${problem.message}`,
    })),
  };
}

async function renderBlueprintYaml(
  manager: EntityManager,
  source: Extract<WorkloadSource, { kind: "blueprint" }>,
  prefix: string,
): Promise<
  { ok: true; yaml: string; parameters: Record<string, unknown> } | { ok: false; problems: WorkloadProblem[] }
> {
  const version = await manager.findOneBy(BlueprintVersionEntity, { id: source.blueprintVersionId });
  const blueprint = version && (await manager.findOneBy(BlueprintEntity, { id: version.blueprintId }));
  if (!version || !blueprint) throw notFound("BlueprintVersion");
  try {
    const { bundle, parameters } = await renderVersion(manager, blueprint, version, source.parameters);
    const documents = bundle.files
      .filter((file) => /\.ya?ml$/i.test(file.path))
      .map((file) => file.content.replace(/^---\s*\n/, ""));
    return { ok: true, yaml: documents.join("---\n"), parameters };
  } catch (error) {
    if (!(error instanceof HubError) || error.code !== "BAD_USER_INPUT") throw error;
    const problems =
      (error.extensions.problems as Array<{ field: string; message: string }> | undefined) ?? [];
    return {
      ok: false,
      problems: problems.map((problem) => ({
        field: `${prefix}.blueprint.${problem.field}`,
        message: problem.message,
      })),
    };
  }
}

/**
 * Turns a request's source into the YAML to store and the objects to apply: manifests as given, or a blueprint
 * version rendered with the blueprints module's own renderer (`renderVersion`, parameters validated against the
 * version's schema). Either way the result passes `validateManifests` (allowed kinds, no privileged pods, host
 * paths or namespaces). Problems are returned, not thrown, so a preview can show them; `requireWorkload` throws.
 */
export async function resolveWorkload(
  manager: EntityManager,
  source: WorkloadSource,
  prefix: string,
): Promise<ResolvedWorkload> {
  if (source.kind === "manifests") {
    const checked = checkYaml(source.yaml, `${prefix}.manifests`);
    if (!checked.ok) return checked;
    return {
      ok: true,
      yaml: source.yaml,
      objects: checked.objects,
      blueprintVersionId: null,
      blueprintParameters: null,
    };
  }
  const rendered = await renderBlueprintYaml(manager, source, prefix);
  if (!rendered.ok) return rendered;
  const checked = checkYaml(rendered.yaml, `${prefix}.blueprint`);
  if (!checked.ok) return checked;
  return {
    ok: true,
    yaml: rendered.yaml,
    objects: checked.objects,
    blueprintVersionId: source.blueprintVersionId,
    blueprintParameters: rendered.parameters,
  };
}

/** {@link resolveWorkload}, with problems as one BAD_USER_INPUT whose `extensions.problems` name each object. */
export async function requireWorkload(
  manager: EntityManager,
  source: WorkloadSource,
  prefix: string,
): Promise<Extract<ResolvedWorkload, { ok: true }>> {
  const resolved = await resolveWorkload(manager, source, prefix);
  if (resolved.ok) return resolved;
  const summary = resolved.problems.map((problem) => problem.message).join("; ");
  throw badUserInput(`The workload cannot be placed: ${summary}`, resolved.problems);
}
