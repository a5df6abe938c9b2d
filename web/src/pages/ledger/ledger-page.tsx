import { ErrorList } from "../../components/error-list.js";
import { FormField } from "../../components/form-field.js";
import { SignInPrompt } from "../../components/sign-in-prompt.js";
import { Link } from "../../lib/link.js";
import { usePageTitle } from "../../lib/page-title.js";
import { navigate } from "../../lib/router.js";
import { useQuery } from "../../lib/use-query.js";
import { useViewer } from "../../lib/viewer.js";
import { currentMonth, monthFromLocation, shiftMonth } from "./ledger-format.js";
import { LEDGER_COOPERATIVE_QUERY, type LedgerCooperative } from "./ledger-types.js";
import { StandingsTable } from "./standings-table.js";
import { StatementSection } from "./statement-section.js";

/**
 * `/cooperatives/:slug/ledger?month=YYYY-MM`: the cooperative's fair-share ledger, for its members and stewards.
 * The month lives in the address, so a statement can be bookmarked and the back button steps through months.
 */
export function LedgerPage({ slug, location }: { slug: string; location: string }) {
  const viewer = useViewer();
  const month = monthFromLocation(location);
  const { data, errors, loading } = useQuery<{ cooperative: LedgerCooperative | null }>(
    LEDGER_COOPERATIVE_QUERY,
    { slug },
  );
  const cooperative = data?.cooperative ?? null;
  usePageTitle(cooperative ? `Ledger · ${cooperative.name}` : "Ledger");
  const base = `/cooperatives/${encodeURIComponent(slug)}/ledger`;

  if (!viewer.loading && !viewer.person) return <SignInPrompt action="see the ledger" />;
  if (loading && !data) return <p className="muted">Loading…</p>;
  if (!cooperative) {
    return (
      <section className="page narrow">
        <h1>Cooperative not found</h1>
        <ErrorList errors={errors} />
        <p>
          <Link to="/cooperatives">Back to the directory</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/cooperatives">Cooperatives</Link> /{" "}
        <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link> / Ledger
      </p>
      <div className="page-heading">
        <h1>Ledger of {cooperative.name}</h1>
        <p>Capacity given to and used from other cooperatives of the alliance, month by month.</p>
      </div>
      <div className="ledger-months">
        <FormField label="Month (UTC)">
          <input
            type="month"
            value={month}
            max={currentMonth()}
            onChange={(event) => {
              if (/^\d{4}-\d{2}$/.test(event.target.value)) navigate(`${base}?month=${event.target.value}`);
            }}
          />
        </FormField>
        <Link to={`${base}?month=${shiftMonth(month, -1)}`}>← Previous month</Link>
        {month < currentMonth() ? (
          <Link to={`${base}?month=${shiftMonth(month, 1)}`}>Next month →</Link>
        ) : null}
      </div>
      <StatementSection
        key={month}
        cooperativeId={cooperative.id}
        cooperativeName={cooperative.name}
        month={month}
      />
      <StandingsTable highlight={cooperative.slug} />
    </div>
  );
}
