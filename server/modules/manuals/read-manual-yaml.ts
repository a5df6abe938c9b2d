import { isMap, parseDocument } from "yaml";
import type { MaintainerReference } from "./content-tree.js";
import type { ContentProblem } from "./front-matter.js";
import { type ComponentVersion, RELEASE_STATUSES, type ReleaseStatus } from "./manual-release.entity.js";

type YamlResult<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

function parseMap(file: string, text: string): YamlResult<Record<string, unknown>> {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file,
        line: error.linePos?.[0]?.line ?? 1,
        message: error.message.split("\n")[0] ?? "invalid YAML",
      })),
    };
  }
  if (!isMap(document.contents))
    return { ok: false, problems: [{ file, line: 1, message: "expected a map" }] };
  return { ok: true, value: document.toJS() as Record<string, unknown> };
}

/** Reads `manual.yaml`: title, summary and maintainers (`- cooperative: slug` or `- person: handle`). */
export function readManualYaml(
  file: string,
  text: string,
): YamlResult<{ title: string; summary: string; maintainers: MaintainerReference[] }> {
  const parsed = parseMap(file, text);
  if (!parsed.ok) return parsed;
  const { title, summary, maintainers = [] } = parsed.value;
  const problems: ContentProblem[] = [];
  if (typeof title !== "string" || !title.trim())
    problems.push({ file, line: 1, message: "title is required" });
  if (summary !== undefined && typeof summary !== "string")
    problems.push({ file, line: 1, message: "summary must be a string" });
  const references: MaintainerReference[] = [];
  if (!Array.isArray(maintainers)) problems.push({ file, line: 1, message: "maintainers must be a list" });
  else {
    for (const entry of maintainers as unknown[]) {
      const value = entry as Record<string, unknown>;
      if (typeof value?.cooperative === "string") references.push({ cooperative: value.cooperative });
      else if (typeof value?.person === "string") references.push({ person: value.person });
      else
        problems.push({
          file,
          line: 1,
          message: "each maintainer is `cooperative: <slug>` or `person: <handle>`",
        });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { title: title as string, summary: (summary as string) ?? "", maintainers: references },
  };
}

/** Reads `release.yaml`: name (must equal the folder), title, status and the ordered component versions. */
export function readReleaseYaml(
  file: string,
  folder: string,
  text: string,
): YamlResult<{ name: string; title: string; status: ReleaseStatus; versions: ComponentVersion[] }> {
  const parsed = parseMap(file, text);
  if (!parsed.ok) return parsed;
  const { name, title, status, versions = {} } = parsed.value;
  const problems: ContentProblem[] = [];
  if (name !== folder)
    problems.push({ file, line: 1, message: `name must be "${folder}", the folder's name` });
  if (typeof title !== "string" || !title.trim())
    problems.push({ file, line: 1, message: "title is required" });
  if (!RELEASE_STATUSES.includes(status as ReleaseStatus))
    problems.push({ file, line: 1, message: `status must be one of ${RELEASE_STATUSES.join(", ")}` });
  const list: ComponentVersion[] = [];
  if (typeof versions !== "object" || versions === null || Array.isArray(versions))
    problems.push({ file, line: 1, message: "versions must be a map of component: version" });
  else {
    for (const [component, version] of Object.entries(versions)) {
      if (typeof version !== "string" && typeof version !== "number")
        problems.push({ file, line: 1, message: `version of ${component} must be a string` });
      else list.push({ component, version: String(version) });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { name: name as string, title: title as string, status: status as ReleaseStatus, versions: list },
  };
}
