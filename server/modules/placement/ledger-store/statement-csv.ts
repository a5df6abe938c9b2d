import type { LedgerStatementData, LoadedStatementLine } from "./statement.js";

/** The CSV header, one column per figure of a statement line. */
export const STATEMENT_CSV_HEADER = [
  "month",
  "direction",
  "counterparty_slug",
  "counterparty_name",
  "core_seconds",
  "memory_gib_seconds",
  "storage_gib_seconds",
  "gpu_seconds",
  "equivalent_seconds",
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text starting with `=`, `+`, `-`,
 * `@` or a control character gets a leading apostrophe, so a cooperative's name never runs as a spreadsheet
 * formula on the reader's machine.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A figure with a dot decimal and three places, whatever the server's locale; never exponent notation. */
export function csvNumber(value: number): string {
  return value.toFixed(3);
}

function row(month: string, direction: "provided" | "consumed", line: LoadedStatementLine): string {
  return [
    month,
    direction,
    csvField(line.counterparty.slug),
    csvField(line.counterparty.name),
    csvNumber(line.coreSeconds),
    csvNumber(line.memoryGibSeconds),
    csvNumber(line.storageGibSeconds),
    csvNumber(line.gpuSeconds),
    csvNumber(line.equivalentSeconds),
  ].join(",");
}

/** The statement as CSV: one header row, then one row per (direction, counterparty), provided first; CRLF ends. */
export function statementCsv(statement: LedgerStatementData): string {
  const lines = [
    STATEMENT_CSV_HEADER.join(","),
    ...statement.provided.map((line) => row(statement.month, "provided", line)),
    ...statement.consumed.map((line) => row(statement.month, "consumed", line)),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
