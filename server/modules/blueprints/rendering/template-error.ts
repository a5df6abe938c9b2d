/** Stable error codes of the template language; part of the public contract. */
export const TEMPLATE_ERROR_CODES = [
  "TEMPLATE_SYNTAX",
  "UNKNOWN_PATH",
  "TYPE_MISMATCH",
  "OUTPUT_TOO_LARGE",
] as const;

/** One of {@link TEMPLATE_ERROR_CODES}. */
export type TemplateErrorCode = (typeof TEMPLATE_ERROR_CODES)[number];

/** Where in a template something happened (1-based line and column). */
export interface TemplatePosition {
  file: string;
  line: number;
  column: number;
}

/** A template could not be parsed or rendered. The message names the file and line. */
export class TemplateError extends Error {
  readonly code: TemplateErrorCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(code: TemplateErrorCode, detail: string, position: TemplatePosition) {
    super(`${position.file}:${position.line}:${position.column}: ${detail}`);
    this.name = "TemplateError";
    this.code = code;
    this.file = position.file;
    this.line = position.line;
    this.column = position.column;
    this.detail = detail;
  }
}
