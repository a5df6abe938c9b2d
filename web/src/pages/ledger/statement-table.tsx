import { Link } from "../../lib/link.js";
import { hours } from "./ledger-format.js";
import type { LedgerLine } from "./ledger-types.js";

/**
 * One side of a statement: a row per counterparty with what was exchanged, in hours (core-hours, GiB-hours,
 * GPU-hours) and in total core-hour equivalents, the unit the fair share compares.
 */
export function StatementTable({
  caption,
  direction,
  lines,
  total,
}: {
  caption: string;
  direction: "provided" | "consumed";
  lines: LedgerLine[];
  total: number;
}) {
  if (lines.length === 0) return <p className="muted">{caption}: nothing this month.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{direction === "provided" ? "To" : "From"}</th>
            <th scope="col">CPU (core-hours)</th>
            <th scope="col">Memory (GiB-hours)</th>
            <th scope="col">Storage (GiB-hours)</th>
            <th scope="col">GPU (hours)</th>
            <th scope="col">Total (core-hour equivalents)</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const counterparty = direction === "provided" ? line.consumer : line.provider;
            return (
              <tr key={counterparty.slug}>
                <th scope="row">
                  <Link to={`/cooperatives/${counterparty.slug}`}>{counterparty.name}</Link>
                </th>
                <td>{hours(line.coreSeconds)}</td>
                <td>{hours(line.memoryGibSeconds)}</td>
                <td>{hours(line.storageGibSeconds)}</td>
                <td>{hours(line.gpuSeconds)}</td>
                <td>{hours(line.equivalentSeconds)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Total
            </th>
            <td>{hours(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
