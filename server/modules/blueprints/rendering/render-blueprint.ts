import type { BlueprintProblem } from "../format/blueprint-problem.js";
import type { BlueprintSource } from "../format/blueprint-source.js";
import { buildSha256Sums, comparePaths, type RenderedFile } from "./sha256sums.js";
import type { CompiledTemplate } from "./template-ast.js";
import { TemplateError } from "./template-error.js";
import { DEFAULT_RENDER_LIMITS, type RenderLimits, renderTemplate } from "./template-evaluator.js";
import { compileTemplate } from "./template-parser.js";
import { validateParameters } from "./validate-parameters.js";

/** The output of a render: files sorted by path and their `SHA256SUMS`. */
export interface RenderedBundle {
  files: RenderedFile[];
  sha256sums: string;
}

/** Stable codes of {@link BlueprintRenderError}. */
export type BlueprintRenderErrorCode = "INVALID_PARAMETERS" | "TEMPLATE_ERROR";

/**
 * Rendering failed. INVALID_PARAMETERS lists every failing parameter path (a user error);
 * TEMPLATE_ERROR names the template file and line (a fault of the blueprint).
 */
export class BlueprintRenderError extends Error {
  readonly code: BlueprintRenderErrorCode;
  readonly problems: BlueprintProblem[];

  constructor(code: BlueprintRenderErrorCode, problems: BlueprintProblem[]) {
    super(
      `${code === "INVALID_PARAMETERS" ? "invalid parameters" : "template error"}: ${problems
        .map(
          (problem) =>
            `${problem.file ? `${problem.file}:${problem.line ?? 0} ` : ""}${problem.path} ${problem.message}`,
        )
        .join("; ")}`,
    );
    this.name = "BlueprintRenderError";
    this.code = code;
    this.problems = problems;
  }
}

const compiledTemplates = new WeakMap<BlueprintSource, CompiledTemplate[]>();

function compiledFor(source: BlueprintSource): CompiledTemplate[] {
  const cached = compiledTemplates.get(source);
  if (cached) return cached;
  const templates = source.templates.map((template) =>
    compileTemplate(template.text, `templates/${template.path}`),
  );
  compiledTemplates.set(source, templates);
  return templates;
}

/**
 * Renders a blueprint offline and deterministically: validates the parameters (defaults from
 * the schema fill in), renders every template, drops files that render to whitespace only
 * (a template wrapped in `{{#if}}` is optional), ends every file with a newline, sorts by
 * path and computes `SHA256SUMS`. The same source and parameters always give the same bytes,
 * whatever the key order of the parameters.
 */
export function renderBlueprint(
  source: BlueprintSource,
  params: unknown,
  limits: RenderLimits = DEFAULT_RENDER_LIMITS,
): RenderedBundle {
  const validation = validateParameters(source.schema, params);
  if (!validation.ok) throw new BlueprintRenderError("INVALID_PARAMETERS", validation.problems);
  const context = {
    values: validation.values,
    blueprint: { kind: source.manifest.kind, name: source.manifest.name, version: source.manifest.version },
  };
  const files: RenderedFile[] = [];
  try {
    compiledFor(source).forEach((template, index) => {
      const content = renderTemplate(template, context, limits);
      if (content.trim() === "") return;
      const path = source.templates[index].path;
      files.push({ path, content: content.endsWith("\n") ? content : `${content}\n` });
    });
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw new BlueprintRenderError("TEMPLATE_ERROR", [
      { file: error.file, line: error.line, path: "", message: `${error.code}: ${error.detail}` },
    ]);
  }
  files.sort((left, right) => comparePaths(left.path, right.path));
  return { files, sha256sums: buildSha256Sums(files) };
}
