import { formatDateTime } from "../../lib/format.js";
import { Link } from "../../lib/link.js";

/** One logged query that found nothing. */
export interface SearchMissRow {
  query: string;
  count: number;
  lastSearchedAt: string;
}

/** Queries that found nothing, most frequent first; each opens the search again to check it now finds something. */
export function SearchMissList({ misses }: { misses: readonly SearchMissRow[] }) {
  if (misses.length === 0) return <p>No searches have come back empty yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Query</th>
          <th scope="col">Times searched</th>
          <th scope="col">Last searched</th>
        </tr>
      </thead>
      <tbody>
        {misses.map((miss) => (
          <tr key={miss.query}>
            <td>
              <Link to={`/search?q=${encodeURIComponent(miss.query)}`}>{miss.query}</Link>
            </td>
            <td>{miss.count.toLocaleString("en")}</td>
            <td>{formatDateTime(miss.lastSearchedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
