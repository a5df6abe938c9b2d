import type { EntityManager } from "typeorm";
import { type DiffHunk, lineDiff } from "../../../markdown/index.js";
import { loadVersionSource } from "../catalog/version-source.js";
import type { BlueprintSource } from "../format/blueprint-source.js";
import type { Blueprint } from "../model/blueprint.entity.js";
import type { BlueprintVersion } from "../model/blueprint-version.entity.js";
import { BlueprintRenderError, renderBlueprint } from "../rendering/render-blueprint.js";
import { diffParameterSchemas, type SchemaChange } from "./schema-changes.js";

export interface FileDiff {
  path: string;
  status: "added" | "removed" | "modified" | "unchanged";
  added: number;
  removed: number;
  hunks: DiffHunk[];
}

export interface VersionComparison {
  schemaChanges: SchemaChange[];
  files: FileDiff[];
  renderProblems: string[];
}

/** Renders with the version's `defaults` example (only the required parameters) or, without one, nothing. */
function renderDefaults(source: BlueprintSource, problems: string[]): Map<string, string> {
  const defaults = source.examples.find((example) => example.name === "defaults")?.values ?? {};
  try {
    return new Map(renderBlueprint(source, defaults).files.map((file) => [file.path, file.content]));
  } catch (error) {
    if (!(error instanceof BlueprintRenderError)) throw error;
    problems.push(`${source.manifest.version}: ${error.message}`);
    return new Map();
  }
}

const count = (hunks: DiffHunk[], kind: "added" | "removed") =>
  hunks.reduce((sum, hunk) => sum + hunk.lines.filter((line) => line.kind === kind).length, 0);

/** Compares two versions: parameter schema changes and a line diff of each rendered file for default parameters. */
export async function compareVersions(
  manager: EntityManager,
  blueprint: Blueprint,
  from: BlueprintVersion,
  to: BlueprintVersion,
): Promise<VersionComparison> {
  const [before, after] = await Promise.all([
    loadVersionSource(manager, blueprint, from),
    loadVersionSource(manager, blueprint, to),
  ]);
  const renderProblems: string[] = [];
  const oldFiles = renderDefaults(before, renderProblems);
  const newFiles = renderDefaults(after, renderProblems);
  const paths = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  const files = paths.map((path): FileDiff => {
    const hunks = lineDiff(oldFiles.get(path) ?? "", newFiles.get(path) ?? "");
    const status = !oldFiles.has(path)
      ? "added"
      : !newFiles.has(path)
        ? "removed"
        : hunks.length > 0
          ? "modified"
          : "unchanged";
    return { path, status, added: count(hunks, "added"), removed: count(hunks, "removed"), hunks };
  });
  return { schemaChanges: diffParameterSchemas(before.schema, after.schema), files, renderProblems };
}
