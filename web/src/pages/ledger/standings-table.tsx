import { ErrorList } from "../../components/error-list.js";
import { useQuery } from "../../lib/use-query.js";
import { factor, hours } from "./ledger-format.js";
import { FAIR_SHARE_STANDINGS_QUERY, type FairShareStanding } from "./ledger-types.js";

/**
 * The alliance's fair-share standings: decayed provided (S) and used (U) capacity and F = 2^(-U/S), the priority
 * the scheduler gives each cooperative's requests. `highlight` marks the page's own cooperative.
 */
export function StandingsTable({ highlight }: { highlight: string }) {
  const { data, errors } = useQuery<{ fairShareStandings: FairShareStanding[] }>(FAIR_SHARE_STANDINGS_QUERY);
  const standings = data?.fairShareStandings ?? [];
  return (
    <section className="panel" aria-labelledby="standings-heading">
      <h2 id="standings-heading">Alliance standings</h2>
      <p className="muted">
        S and U are core-hour equivalents provided to and used from other cooperatives, each hour weighing
        half as much after a week. Requests of cooperatives with a higher F = 2<sup>−U/S</sup> are served
        first when capacity is short.
      </p>
      <ErrorList errors={errors} />
      {standings.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption>Fair-share standings</caption>
            <thead>
              <tr>
                <th scope="col">Cooperative</th>
                <th scope="col">Provided (S)</th>
                <th scope="col">Used (U)</th>
                <th scope="col">Factor (F)</th>
              </tr>
            </thead>
            <tbody>
              {standings.map((standing) => (
                <tr
                  key={standing.cooperative.slug}
                  aria-current={standing.cooperative.slug === highlight ? "true" : undefined}
                  className={standing.cooperative.slug === highlight ? "ledger-own-row" : undefined}
                >
                  <th scope="row">{standing.cooperative.name}</th>
                  <td>{hours(standing.provided)}</td>
                  <td>{hours(standing.used)}</td>
                  <td>{factor(standing.factor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
