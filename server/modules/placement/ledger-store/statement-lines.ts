import { resourceSeconds, resourceUnitSeconds } from "../ledger/resource-seconds.js";
import type { ResourceAmounts } from "../scheduler/types.js";
import { clipInterval, type LedgerInterval } from "./ledger-intervals.js";
import type { LedgerWindow } from "./ledger-period.js";

/** What one cooperative gave to (or took from) one counterparty in a period, per resource and in total. */
export interface LedgerFigures {
  coreSeconds: number;
  memoryGibSeconds: number;
  storageGibSeconds: number;
  gpuSeconds: number;
  /** CPU-core-second equivalents (see `resourceSeconds`), the common unit of every resource. */
  equivalentSeconds: number;
}

/** One line of a statement: the counterparty and the figures exchanged with it. */
export interface StatementLine extends LedgerFigures {
  counterpartyId: string;
}

/** A statement's lines before the cooperatives are loaded, each list largest first. */
export interface StatementLines {
  provided: StatementLine[];
  consumed: StatementLine[];
}

const zeroFigures = (): LedgerFigures => ({
  coreSeconds: 0,
  memoryGibSeconds: 0,
  storageGibSeconds: 0,
  gpuSeconds: 0,
  equivalentSeconds: 0,
});

/** Adds holding `reservation` from `from` to `to` to `figures`; storage classes and GPU models are summed. */
export function addReservation(
  figures: LedgerFigures,
  reservation: ResourceAmounts,
  from: Date,
  to: Date,
): void {
  const units = resourceUnitSeconds(reservation, from, to);
  for (const resource in units) {
    if (resource === "cpu") figures.coreSeconds += units[resource];
    else if (resource === "memory") figures.memoryGibSeconds += units[resource];
    else if (resource.startsWith("storage:")) figures.storageGibSeconds += units[resource];
    else if (resource.startsWith("gpu:")) figures.gpuSeconds += units[resource];
  }
  figures.equivalentSeconds += resourceSeconds(reservation, from, to);
}

function sorted(lines: Map<string, StatementLine>): StatementLine[] {
  return [...lines.values()].sort(
    (a, b) => b.equivalentSeconds - a.equivalentSeconds || a.counterpartyId.localeCompare(b.counterpartyId),
  );
}

/**
 * The lines of `cooperativeId`'s statement for `window` seen at `now`: every interval clipped to the window and
 * to `now`, summed per counterparty, split into what it provided and what it consumed. Intervals on its own
 * clusters and intervals with nothing left after clipping make no line.
 */
export function statementLines(
  intervals: readonly LedgerInterval[],
  cooperativeId: string,
  window: LedgerWindow,
  now: Date,
): StatementLines {
  const provided = new Map<string, StatementLine>();
  const consumed = new Map<string, StatementLine>();
  for (const interval of intervals) {
    const { providerCooperativeId: provider, consumerCooperativeId: consumer } = interval;
    if (provider === consumer) continue;
    const clipped = clipInterval(interval, window, now);
    if (!clipped) continue;
    const [lines, counterpartyId] =
      provider === cooperativeId
        ? [provided, consumer]
        : consumer === cooperativeId
          ? [consumed, provider]
          : [];
    if (!lines || !counterpartyId) continue;
    let line = lines.get(counterpartyId);
    if (!line) {
      line = { counterpartyId, ...zeroFigures() };
      lines.set(counterpartyId, line);
    }
    addReservation(line, interval.reservation, clipped.from, clipped.to);
  }
  return { provided: sorted(provided), consumed: sorted(consumed) };
}
