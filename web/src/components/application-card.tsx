import { useId, useState } from "react";
import { countryName, formatDate, TIER_LABELS } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

/** A pending application as the steward queue shows it. */
export interface Application {
  id: string;
  slug: string;
  name: string;
  country: string;
  website: string | null;
  description: string;
  tier: string;
  createdAt: string;
  foundedBy: { name: string; handle: string } | null;
}

const APPROVE = `mutation Approve($input: DecideCooperativeInput!) { approveCooperative(input: $input) { cooperative { id status } } }`;
const DECLINE = `mutation Decline($input: DecideCooperativeInput!) { declineCooperative(input: $input) { cooperative { id status } } }`;

/** One application with approve (tier may change) and decline (with a note). */
export function ApplicationCard({
  application,
  onDecided,
}: {
  application: Application;
  onDecided: () => void;
}) {
  const id = useId();
  const [tier, setTier] = useState(application.tier);
  const [note, setNote] = useState("");
  const approve = useMutation(APPROVE);
  const decline = useMutation(DECLINE);
  const pending = approve.pending || decline.pending;

  const decide = async (mutation: typeof approve, input: Record<string, unknown>) => {
    const response = await mutation.run({ input: { id: application.id, ...input } });
    if (response.errors.length === 0) onDecided();
  };

  return (
    <article className="card application-card" aria-labelledby={`${id}-name`}>
      <h2 className="card-title" id={`${id}-name`}>
        <Link to={`/cooperatives/${application.slug}`}>{application.name}</Link>
      </h2>
      <p className="card-meta">
        {countryName(application.country)} · applied {formatDate(application.createdAt)}
        {application.foundedBy ? ` by ${application.foundedBy.name} (@${application.foundedBy.handle})` : ""}
      </p>
      {application.description ? <p className="card-text">{application.description}</p> : null}
      <ErrorList errors={[...approve.errors, ...decline.errors]} />
      <div className="decision">
        <div className="field">
          <label htmlFor={`${id}-tier`}>Tier on approval</label>
          <select id={`${id}-tier`} value={tier} onChange={(event) => setTier(event.target.value)}>
            {Object.entries(TIER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note (optional, shown to the founder)</label>
          <input
            id={`${id}-note`}
            type="text"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <p className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={() => decide(approve, { tier, note: note || null })}
          >
            Approve {application.name}
          </button>
          <button
            type="button"
            className="button button-danger-ghost"
            disabled={pending}
            onClick={() => decide(decline, { note: note || null })}
          >
            Decline
          </button>
        </p>
      </div>
    </article>
  );
}
