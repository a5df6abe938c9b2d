import { TemplateError } from "../rendering/template-error.js";
import { compileTemplate } from "../rendering/template-parser.js";
import { type BlueprintProblem, sortProblems } from "./blueprint-problem.js";
import { EXAMPLES_FOLDER, explainBadPath, REQUIRED_FILES, TEMPLATES_FOLDER } from "./blueprint-paths.js";
import type { BlueprintExample, BlueprintSource, BlueprintTemplateFile } from "./blueprint-source.js";
import { checkParameterSchema, isParameterSchema } from "./check-parameter-schema.js";
import { parseBlueprintManifest } from "./parse-manifest.js";

/** Result of loading a folder: the source, or every problem found across all files. */
export type BlueprintLoadResult =
  | { ok: true; source: BlueprintSource }
  | { ok: false; problems: BlueprintProblem[] };

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function decode(file: string, content: Buffer, problems: BlueprintProblem[]): string | undefined {
  try {
    return UTF8.decode(content);
  } catch {
    problems.push({ file, path: "", message: "is not valid UTF-8 text" });
    return undefined;
  }
}

function parseJson(file: string, text: string, problems: BlueprintProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({
      file,
      path: "",
      message: `is not valid JSON: ${error instanceof Error ? error.message : error}`,
    });
    return undefined;
  }
}

function loadTemplate(path: string, text: string, problems: BlueprintProblem[]): BlueprintTemplateFile {
  try {
    compileTemplate(text, path);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    problems.push({ file: path, path: "", line: error.line, message: error.detail });
  }
  return { path: path.slice(TEMPLATES_FOLDER.length), text };
}

/**
 * Checks a blueprint folder given as relative path -> content: the layout (blueprint.yaml,
 * values.schema.json, README.md, at least one file under templates/), the manifest, the
 * parameter schema (draft-07, closed root, safe, compilable) and every template's syntax.
 * Pure: reads nothing but the map, so it serves both `content/` and uploaded tarballs.
 */
export function loadBlueprintFolder(files: ReadonlyMap<string, Buffer>): BlueprintLoadResult {
  const problems: BlueprintProblem[] = [];
  for (const path of files.keys()) {
    const reason = explainBadPath(path);
    if (reason) problems.push({ file: path, path: "", message: reason });
  }
  for (const required of REQUIRED_FILES) {
    if (!files.has(required)) problems.push({ file: required, path: "", message: "is missing" });
  }
  const paths = [...files.keys()].sort();
  const templatePaths = paths.filter((path) => path.startsWith(TEMPLATES_FOLDER));
  if (templatePaths.length === 0)
    problems.push({ file: TEMPLATES_FOLDER, path: "", message: "holds no template" });
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  const text = (path: string): string | undefined =>
    decode(path, files.get(path) ?? Buffer.alloc(0), problems);
  const manifestText = text("blueprint.yaml");
  const manifest =
    manifestText === undefined ? undefined : parseBlueprintManifest(manifestText, "blueprint.yaml");
  if (manifest && !manifest.ok) problems.push(...manifest.problems);

  const schemaText = text("values.schema.json");
  const schema = schemaText === undefined ? undefined : parseJson("values.schema.json", schemaText, problems);
  const schemaProblems = schemaText === undefined || schema === undefined ? [] : checkParameterSchema(schema);
  problems.push(...schemaProblems);

  const readme = text("README.md");
  const templates: BlueprintTemplateFile[] = [];
  for (const path of templatePaths) {
    const templateText = text(path);
    if (templateText !== undefined) templates.push(loadTemplate(path, templateText, problems));
  }
  const examples: BlueprintExample[] = [];
  for (const path of paths.filter((candidate) => candidate.startsWith(EXAMPLES_FOLDER))) {
    const exampleText = text(path);
    const values = exampleText === undefined ? undefined : parseJson(path, exampleText, problems);
    if (values !== undefined)
      examples.push({ name: path.slice(EXAMPLES_FOLDER.length, -".json".length), values });
  }

  if (problems.length > 0 || !manifest?.ok || readme === undefined || !isParameterSchema(schema)) {
    return { ok: false, problems: sortProblems(problems) };
  }
  return {
    ok: true,
    source: {
      manifest: manifest.manifest,
      schema,
      readme,
      templates,
      examples,
      files,
    },
  };
}

/** A folder failed the format checks; `problems` lists every reason. */
export class BlueprintFormatError extends Error {
  readonly problems: BlueprintProblem[];

  constructor(problems: BlueprintProblem[]) {
    const first = problems[0];
    super(
      `invalid blueprint (${problems.length} problem(s)); first: ${first?.file ?? ""}${first?.path ?? ""}${
        first?.line ? `:${first.line}` : ""
      } ${first?.message ?? ""}`,
    );
    this.name = "BlueprintFormatError";
    this.problems = problems;
  }
}

/** Like {@link loadBlueprintFolder} but throws {@link BlueprintFormatError} on any problem. */
export function loadBlueprintFolderOrThrow(files: ReadonlyMap<string, Buffer>): BlueprintSource {
  const result = loadBlueprintFolder(files);
  if (!result.ok) throw new BlueprintFormatError(result.problems);
  return result.source;
}
