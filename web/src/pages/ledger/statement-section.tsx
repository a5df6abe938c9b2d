import { ErrorList } from "../../components/error-list.js";
import { useQuery } from "../../lib/use-query.js";
import { LedgerChart } from "./ledger-chart.js";
import { hours, monthDays, monthLabel } from "./ledger-format.js";
import { LEDGER_STATEMENT_QUERY, type LedgerDay, type LedgerStatement } from "./ledger-types.js";
import { StatementTable } from "./statement-table.js";

/** A cooperative's statement for one month: totals, CSV download, the daily chart and both tables. */
export function StatementSection({
  cooperativeId,
  cooperativeName,
  month,
}: {
  cooperativeId: string;
  cooperativeName: string;
  month: string;
}) {
  const { data, errors, loading } = useQuery<{ ledgerStatement: LedgerStatement; ledgerDays: LedgerDay[] }>(
    LEDGER_STATEMENT_QUERY,
    { cooperativeId, month, ...monthDays(month) },
  );
  const label = monthLabel(month);
  if (errors.length > 0) return <ErrorList errors={errors} title="The statement could not be loaded" />;
  if (loading && !data) return <p className="muted">Loading the statement…</p>;
  if (!data) return null;
  const statement = data.ledgerStatement;
  return (
    <section className="panel" aria-labelledby="statement-heading">
      <div className="panel-heading">
        <h2 id="statement-heading">Statement for {label}</h2>
        <a className="button button-secondary button-small" href={statement.csvUrl} download>
          Download CSV
        </a>
      </div>
      <p>
        {cooperativeName} gave {hours(statement.providedEquivalentSeconds)} and used{" "}
        {hours(statement.consumedEquivalentSeconds)} core-hour equivalents of other cooperatives' capacity in{" "}
        {label} (UTC). Work on its own clusters is not counted.
      </p>
      <StatementTable
        caption="Provided to other cooperatives"
        direction="provided"
        lines={statement.provided}
        total={statement.providedEquivalentSeconds}
      />
      <StatementTable
        caption="Consumed from other cooperatives"
        direction="consumed"
        lines={statement.consumed}
        total={statement.consumedEquivalentSeconds}
      />
      <LedgerChart days={data.ledgerDays} title={`Given vs used per day, ${label}`} />
    </section>
  );
}
