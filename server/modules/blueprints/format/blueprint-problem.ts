/**
 * One thing wrong with a blueprint or its parameters. `path` is a JSON Pointer into the
 * document (`/components/0/digest`, `/controlPlane/endpoint`); `line` is 1-based when known.
 */
export interface BlueprintProblem {
  file?: string;
  path: string;
  line?: number;
  message: string;
}

/** Turns path segments into a JSON Pointer (RFC 6901), escaping `~` and `/`. */
export function toJsonPointer(segments: ReadonlyArray<string | number | symbol>): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** Orders problems by file, line and path so reports are stable from run to run. */
export function sortProblems(problems: readonly BlueprintProblem[]): BlueprintProblem[] {
  return [...problems].sort(
    (left, right) =>
      compareText(left.file ?? "", right.file ?? "") ||
      (left.line ?? 0) - (right.line ?? 0) ||
      compareText(left.path, right.path) ||
      compareText(left.message, right.message),
  );
}

function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
