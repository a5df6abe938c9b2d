import { type CapacityOffer, formatAmount } from "./offer-types.js";

/** Every version of a cluster's offer, newest first. */
export function OfferHistory({ versions }: { versions: CapacityOffer[] }) {
  if (versions.length === 0) return null;
  return (
    <table className="table">
      <caption>Offer history</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Caps</th>
          <th scope="col">Share</th>
          <th scope="col">Since</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.id}>
            <th scope="row">
              {version.version}
              {version.current ? " (current)" : ""}
            </th>
            <td>{version.status.toLowerCase()}</td>
            <td>{version.caps.map((cap) => `${cap.resource} ${formatAmount(cap)}`).join(", ") || "—"}</td>
            <td>{version.freeSharePercent === null ? "—" : `${version.freeSharePercent} %`}</td>
            <td>{new Date(version.createdAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
