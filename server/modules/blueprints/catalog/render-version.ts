import type { EntityManager } from "typeorm";
import { badUserInput } from "../../../errors.js";
import type { Blueprint } from "../model/blueprint.entity.js";
import type { BlueprintVersion } from "../model/blueprint-version.entity.js";
import { packRenderedBundle, type RenderedArchive } from "../package/rendered-bundle.js";
import { BlueprintRenderError, type RenderedBundle, renderBlueprint } from "../rendering/render-blueprint.js";
import { validateParameters } from "../rendering/validate-parameters.js";
import { loadVersionSource } from "./version-source.js";

/** A render of a stored version with its packed archive and the validated parameters. */
export interface VersionRender {
  bundle: RenderedBundle;
  archive: RenderedArchive;
  parameters: Record<string, unknown>;
}

/**
 * Renders a stored version with user parameters. Invalid parameters are BAD_USER_INPUT naming every failing path
 * (`parameters/controlPlane/endpoint`, with the JSON Pointer in `path`); a template fault the parameters provoke
 * is BAD_USER_INPUT too, naming the template file and line.
 */
export async function renderVersion(
  manager: EntityManager,
  blueprint: Blueprint,
  version: BlueprintVersion,
  parameters: unknown,
): Promise<VersionRender> {
  const source = await loadVersionSource(manager, blueprint, version);
  try {
    const bundle = renderBlueprint(source, parameters ?? {});
    const validated = validateParameters(source.schema, parameters ?? {});
    return {
      bundle,
      archive: packRenderedBundle(blueprint.name, version.version, bundle),
      parameters: validated.ok ? validated.values : {},
    };
  } catch (error) {
    if (!(error instanceof BlueprintRenderError)) throw error;
    const problems = error.problems.map((problem) => ({
      field: problem.file ? `${problem.file}:${problem.line ?? 0}` : `parameters${problem.path}`,
      path: problem.path,
      message: problem.message,
    }));
    const summary = problems.map((problem) => `${problem.field} ${problem.message}`).join("; ");
    throw badUserInput(
      error.code === "INVALID_PARAMETERS"
        ? `Invalid parameters: ${summary}`
        : `The blueprint cannot be rendered with these parameters: ${summary}`,
      problems,
    );
  }
}
