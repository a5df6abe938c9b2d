import type { StatusReport } from "./status-report.js";

/** Default: a report goes out at least every 30 seconds even when nothing changed. */
export const DEFAULT_REPORT_INTERVAL_MS = 30_000;
/** A figure that moves by more than this share of its previous value triggers a report at once. */
export const CHANGE_THRESHOLD = 0.05;

/** Flattens a JSON value into `path -> leaf` so two reports compare figure by figure. */
function flatten(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) flatten(item, `${path}[${index}]`, into);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) flatten(item, `${path}.${key}`, into);
  } else into.set(path, value);
  return into;
}

function movedMoreThanThreshold(previous: unknown, next: unknown): boolean {
  if (typeof previous !== "number" || typeof next !== "number") return previous !== next;
  if (previous === next) return false;
  // From zero any movement counts: a first pending pod matters even though its relative change is infinite.
  if (previous === 0) return true;
  return Math.abs(next - previous) / Math.abs(previous) > CHANGE_THRESHOLD;
}

/**
 * Whether the agent should send `next`: when nothing was sent yet, when the interval since the last send has
 * elapsed, or when any figure moved by more than 5 % (a figure that appears or disappears counts as moved).
 */
export function shouldReport(
  previous: StatusReport | undefined,
  next: StatusReport,
  lastSentAt: Date | undefined,
  now: Date,
  intervalMs = DEFAULT_REPORT_INTERVAL_MS,
): boolean {
  if (!previous || !lastSentAt) return true;
  if (now.getTime() - lastSentAt.getTime() >= intervalMs) return true;
  const before = flatten(previous, "", new Map());
  const after = flatten(next, "", new Map());
  if (before.size !== after.size) return true;
  for (const [path, value] of after) {
    if (!before.has(path) || movedMoreThanThreshold(before.get(path), value)) return true;
  }
  return false;
}
