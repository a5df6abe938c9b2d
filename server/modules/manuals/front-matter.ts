import { isMap, isScalar, parseDocument, stringify } from "yaml";

/** The front matter every manual page carries, in this key order. */
export interface PageFrontMatter {
  title: string;
  order: number;
  summary: string;
}

/** A problem in a `content/` file, with the 1-based line it is on. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export type ParsedPageFile =
  | { ok: true; frontMatter: PageFrontMatter; body: string; bodyStartLine: number }
  | { ok: false; problems: ContentProblem[] };

const KEYS = ["title", "order", "summary"] as const;
const OPENING = "---\n";

/**
 * Splits a page file into front matter and body. The body is everything after the closing `---` line, byte for
 * byte, so an export can write the file back unchanged. Only the three known keys are allowed: anything else would
 * be lost on the way back.
 */
export function parsePageFile(file: string, source: string): ParsedPageFile {
  const fail = (line: number, message: string): ParsedPageFile => ({
    ok: false,
    problems: [{ file, line, message }],
  });
  if (!source.startsWith(OPENING)) return fail(1, "a page must start with a `---` front matter block");
  const closing = source.indexOf("\n---\n", OPENING.length - 1);
  if (closing < 0) return fail(1, "the front matter block is not closed with `---`");
  const yamlText = source.slice(OPENING.length, closing + 1);
  const bodyStart = closing + "\n---\n".length;
  const bodyStartLine = source.slice(0, bodyStart).split("\n").length;
  const document = parseDocument(yamlText, { prettyErrors: false });
  const problems: ContentProblem[] = document.errors.map((error) => ({
    file,
    line: 1 + (error.linePos?.[0]?.line ?? 1),
    message: `front matter: ${error.message.split("\n")[0]}`,
  }));
  if (problems.length) return { ok: false, problems };
  const contents = document.contents;
  if (!isMap(contents)) return fail(2, "front matter must be a map with title, order and summary");
  const values: Record<string, unknown> = {};
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const line = 2 + lineOf(yamlText, isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push({
        file,
        line,
        message: `front matter: unknown key "${key}" (allowed: ${KEYS.join(", ")})`,
      });
      continue;
    }
    values[key] = isScalar(pair.value) ? pair.value.value : undefined;
  }
  const keyLine = (key: string) => {
    const index = yamlText.split("\n").findIndex((line) => line.startsWith(`${key}:`));
    return index < 0 ? 2 : 2 + index;
  };

  if (typeof values.title !== "string" || values.title.trim() === "")
    problems.push({
      file,
      line: keyLine("title"),
      message: "front matter: title must be a non-empty string",
    });
  if (typeof values.order !== "number" || !Number.isInteger(values.order) || values.order < 0)
    problems.push({
      file,
      line: keyLine("order"),
      message: "front matter: order must be a whole number ≥ 0",
    });
  if (typeof values.summary !== "string")
    problems.push({ file, line: keyLine("summary"), message: "front matter: summary must be a string" });
  if (problems.length) return { ok: false, problems };
  const frontMatter = {
    title: values.title as string,
    order: values.order as number,
    summary: values.summary as string,
  };
  if (formatFrontMatter(frontMatter) !== source.slice(0, bodyStart)) {
    return fail(2, "front matter is not in canonical form (title, order, summary; plain YAML scalars)");
  }
  return { ok: true, frontMatter, body: source.slice(bodyStart), bodyStartLine };
}

/** Writes front matter the way content files carry it; `parsePageFile` accepts only this form. */
export function formatFrontMatter(frontMatter: PageFrontMatter): string {
  const yaml = stringify(
    { title: frontMatter.title, order: frontMatter.order, summary: frontMatter.summary },
    { lineWidth: 0 },
  );
  return `${OPENING}${yaml}---\n`;
}

function lineOf(text: string, offset: number | undefined): number {
  if (offset === undefined) return 0;
  return text.slice(0, offset).split("\n").length - 1;
}
