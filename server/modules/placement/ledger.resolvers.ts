import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { viewerApprovedCooperatives } from "../offers/offer-viewer.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import { dailySeries } from "./ledger-store/daily-series.js";
import { cooperativeForLedger, statementCsvPath } from "./ledger-store/ledger-access.js";
import { ledgerIntervalsOf } from "./ledger-store/ledger-intervals.js";
import { dayRangeWindow, monthWindow } from "./ledger-store/ledger-period.js";
import { buildStatement, type LoadedStatementLine } from "./ledger-store/statement.js";
import { fairShareStandings } from "./ledger-store/standings.js";

/** A statement line in the API's shape: the counterparty becomes provider or consumer. */
function ledgerLine(cooperative: Cooperative, direction: "provided" | "consumed") {
  return ({ counterparty, ...figures }: LoadedStatementLine) => ({
    ...figures,
    provider: direction === "provided" ? cooperative : counterparty,
    consumer: direction === "provided" ? counterparty : cooperative,
  });
}

/**
 * The fair-share ledger, read only: monthly statements and daily given vs used of one cooperative (its members
 * and stewards), and the alliance's standings (members of approved cooperatives and stewards).
 */
export const ledgerResolvers: Resolvers = {
  Query: {
    ledgerStatement: async (_parent, { cooperativeId, month }, context) => {
      context.policy.requireViewer();
      monthWindow(month);
      const id = fromGlobalId(cooperativeId, "Cooperative", "cooperativeId");
      const manager = context.dataSource.manager;
      const cooperative = await cooperativeForLedger(manager, context.policy, { id });
      const statement = await buildStatement(manager, cooperative, month, context.clock.now());
      return {
        ...statement,
        provided: statement.provided.map(ledgerLine(cooperative, "provided")),
        consumed: statement.consumed.map(ledgerLine(cooperative, "consumed")),
        csvUrl: `${context.publicUrl}${statementCsvPath(cooperative.slug, month)}`,
      };
    },
    ledgerDays: async (_parent, { cooperativeId, from, to }, context) => {
      context.policy.requireViewer();
      const window = dayRangeWindow(from, to);
      const id = fromGlobalId(cooperativeId, "Cooperative", "cooperativeId");
      const manager = context.dataSource.manager;
      const cooperative = await cooperativeForLedger(manager, context.policy, { id });
      const now = context.clock.now();
      const intervals = await ledgerIntervalsOf(manager, cooperative.id, window, now);
      return dailySeries(intervals, cooperative.id, window, now);
    },
    fairShareStandings: async (_parent, _arguments, context) => {
      context.policy.requireViewer();
      const viewerInApprovedCooperative = (await viewerApprovedCooperatives(context)).length > 0;
      context.policy.authorize("ledger.standings.read", { viewerInApprovedCooperative });
      return fairShareStandings(context.dataSource.manager, context.clock.now());
    },
  },
};
