import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { type BlueprintProblem, sortProblems, toJsonPointer } from "./blueprint-problem.js";
import { BLUEPRINT_MANIFEST_SCHEMA, type BlueprintManifest } from "./manifest-schema.js";

/** Result of parsing `blueprint.yaml`: the typed manifest or every problem found. */
export type ManifestParseResult =
  | { ok: true; manifest: BlueprintManifest }
  | { ok: false; problems: BlueprintProblem[] };

const MAX_MANIFEST_BYTES = 256 * 1024;

/**
 * Parses and validates `blueprint.yaml`. Problems carry the JSON Pointer of the offending
 * field and the line it is on (or the line of its nearest existing parent when it is missing).
 * Only the YAML core schema is used: no custom tags, so parsing an untrusted file runs no code.
 */
export function parseBlueprintManifest(yamlText: string, fileName = "blueprint.yaml"): ManifestParseResult {
  if (Buffer.byteLength(yamlText, "utf8") > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      problems: [{ file: fileName, path: "", message: "manifest is larger than 256 KiB" }],
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, {
    lineCounter,
    schema: "core",
    uniqueKeys: true,
    prettyErrors: false,
  });
  // Warnings include unknown tags such as !!js/function: refuse them rather than guess.
  const yamlErrors = [...document.errors, ...document.warnings];
  if (yamlErrors.length > 0) {
    return {
      ok: false,
      problems: yamlErrors.map((error) => ({
        file: fileName,
        path: "",
        line: lineCounter.linePos(error.pos[0]).line,
        message: error.message.split("\n")[0],
      })),
    };
  }
  // Aliases are refused outright: a manifest never needs them and they enable "billion laughs".
  let aliasOffset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      aliasOffset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (aliasOffset !== undefined) {
    const line = lineCounter.linePos(aliasOffset).line;
    return {
      ok: false,
      problems: [{ file: fileName, path: "", line, message: "YAML aliases are not allowed" }],
    };
  }
  const data: unknown = document.toJS();
  const parsed = BLUEPRINT_MANIFEST_SCHEMA.safeParse(data);
  if (parsed.success) return { ok: true, manifest: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const segments = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
    return {
      file: fileName,
      path: toJsonPointer(segments),
      line: lineOf(document.contents, segments, lineCounter),
      message: issue.message,
    };
  });
  return { ok: false, problems: sortProblems(problems) };
}

/** Finds the line of the deepest node that exists along the path. */
function lineOf(
  root: unknown,
  segments: ReadonlyArray<string | number>,
  lineCounter: LineCounter,
): number | undefined {
  let node: unknown = root;
  let offset = startOffset(root);
  for (const segment of segments) {
    const child = childOf(node, segment);
    if (child === undefined) break;
    node = child;
    offset = startOffset(child) ?? offset;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function childOf(node: unknown, segment: string | number): unknown {
  if (isSeq(node) && typeof segment === "number") return node.items[segment];
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    // A key with an empty value still has a line: point at the key then.
    if (String(key) === String(segment)) return pair.value ?? pair.key;
  }
  return undefined;
}

function startOffset(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}
