import { type EntityManager, In } from "typeorm";
import { type Cooperative, CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { ledgerIntervalsOf } from "./ledger-intervals.js";
import { monthWindow } from "./ledger-period.js";
import { type LedgerFigures, statementLines } from "./statement-lines.js";

/** A statement line with its counterparty loaded. */
export interface LoadedStatementLine extends LedgerFigures {
  counterparty: Cooperative;
}

/** One cooperative's statement for one month (UTC), as the API and the CSV download show it. */
export interface LedgerStatementData {
  cooperative: Cooperative;
  month: string;
  provided: LoadedStatementLine[];
  consumed: LoadedStatementLine[];
  providedEquivalentSeconds: number;
  consumedEquivalentSeconds: number;
}

const total = (lines: readonly LedgerFigures[]) =>
  lines.reduce((sum, line) => sum + line.equivalentSeconds, 0);

/**
 * Builds `cooperative`'s statement for `month` (`YYYY-MM`, BAD_USER_INPUT otherwise) as seen at `now`: one query
 * for the intervals, one for the counterparties. The current month counts up to `now`; future months are empty.
 */
export async function buildStatement(
  manager: EntityManager,
  cooperative: Cooperative,
  month: string,
  now: Date,
): Promise<LedgerStatementData> {
  const window = monthWindow(month);
  const intervals = await ledgerIntervalsOf(manager, cooperative.id, window, now);
  const lines = statementLines(intervals, cooperative.id, window, now);
  const ids = [...new Set([...lines.provided, ...lines.consumed].map((line) => line.counterpartyId))];
  const counterparties = new Map(
    ids.length === 0
      ? []
      : (await manager.findBy(CooperativeEntity, { id: In(ids) })).map((found) => [found.id, found]),
  );
  const load = (line: (typeof lines.provided)[number]): LoadedStatementLine => {
    const { counterpartyId, ...figures } = line;
    const counterparty = counterparties.get(counterpartyId);
    // Work rows reference cooperatives by foreign key, so a missing one means the rows changed mid-request.
    if (!counterparty) throw new Error(`cooperative ${counterpartyId} of a ledger line not found`);
    return { counterparty, ...figures };
  };
  const provided = lines.provided.map(load);
  const consumed = lines.consumed.map(load);
  return {
    cooperative,
    month,
    provided,
    consumed,
    providedEquivalentSeconds: total(provided),
    consumedEquivalentSeconds: total(consumed),
  };
}
