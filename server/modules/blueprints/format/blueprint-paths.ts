/** Files every blueprint folder must have. */
export const REQUIRED_FILES = ["blueprint.yaml", "values.schema.json", "README.md"] as const;

/** Other top-level files a folder may carry. */
const OPTIONAL_FILES = ["LICENSE", "CHANGELOG.md"];

/** Folder holding templates. */
export const TEMPLATES_FOLDER = "templates/";
/** Folder holding example parameter sets. */
export const EXAMPLES_FOLDER = "examples/";

const MAX_PATH_LENGTH = 255;
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/;

/**
 * Explains why a relative path may not appear in a blueprint folder, or returns undefined.
 * Refuses absolute paths, `..`, backslashes, hidden files and anything outside the layout,
 * because folders arrive from untrusted uploads.
 */
export function explainBadPath(path: string): string | undefined {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) return "path is empty or too long";
  const segments = path.split("/");
  if (segments.some((segment) => !SAFE_SEGMENT.test(segment) || segment === "..")) {
    return "path segments may only use letters, digits and _ . @ + - and may not start with a dot";
  }
  if (segments.length === 1) {
    return (REQUIRED_FILES as readonly string[]).includes(path) || OPTIONAL_FILES.includes(path)
      ? undefined
      : `unexpected top-level file (allowed: ${[...REQUIRED_FILES, ...OPTIONAL_FILES].join(", ")}, templates/, examples/)`;
  }
  if (path.startsWith(TEMPLATES_FOLDER)) return undefined;
  if (path.startsWith(EXAMPLES_FOLDER)) {
    return segments.length === 2 && path.endsWith(".json")
      ? undefined
      : "examples/ holds only <name>.json files";
  }
  return "unexpected folder (allowed: templates/, examples/)";
}
