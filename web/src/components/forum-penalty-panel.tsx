import { useState } from "react";
import { graphqlRequest } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";

const PERSON = `query Person($handle: String!) { person(handle: $handle) { id handle } }`;
const HISTORY = `query Penalties($personId: ID!) { forumPenalties(personId: $personId) {
  id kind reason durationDays endsAt active liftedAt imposedBy { handle } } }`;
const IMPOSE = `mutation Impose($input: ImposeForumPenaltyInput!) { imposeForumPenalty(input: $input) { penalty { id } } }`;
const LIFT = `mutation Lift($input: LiftForumPenaltyInput!) { liftForumPenalty(input: $input) { penalty { id } } }`;

interface Penalty {
  id: string;
  kind: string;
  reason: string;
  durationDays: number;
  endsAt: string;
  active: boolean;
  liftedAt: string | null;
  imposedBy: { handle: string } | null;
}

/**
 * Moderators silence (no posting) or suspend (no sign-in) a person by handle. The duration escalates with their
 * earlier penalties (silence 1 day → 1 week → 1 month; suspension 1 week → 1 month → 1 year) unless overridden.
 */
export function ForumPenaltyPanel() {
  const [handle, setHandle] = useState("");
  const [person, setPerson] = useState<{ id: string; handle: string } | null>(null);
  const [history, setHistory] = useState<Penalty[]>([]);
  const [kind, setKind] = useState("SILENCE");
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("");
  const [notFound, setNotFound] = useState(false);
  const impose = useMutation(IMPOSE);
  const lift = useMutation(LIFT);

  const load = async (id: string) => {
    const response = await graphqlRequest<{ forumPenalties: Penalty[] }>(HISTORY, { personId: id });
    setHistory(response.data?.forumPenalties ?? []);
  };
  const find = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await graphqlRequest<{ person: { id: string; handle: string } | null }>(PERSON, {
      handle: handle.trim().replace(/^@/, ""),
    });
    setPerson(response.data?.person ?? null);
    setNotFound(!response.data?.person);
    if (response.data?.person) await load(response.data.person.id);
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!person) return;
    const durationDays = days.trim() ? Number(days) : null;
    const response = await impose.run({ input: { personId: person.id, kind, reason, durationDays } });
    if (response.errors.length === 0) await load(person.id);
  };

  return (
    <section className="panel stack" aria-label="Silence or suspend">
      <h2>Silence or suspend</h2>
      <form className="inline-form" onSubmit={find}>
        <FormField label="Person (handle)">
          <input value={handle} onChange={(event) => setHandle(event.target.value)} />
        </FormField>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      {notFound ? <p className="muted">No such person.</p> : null}
      {person ? (
        <form className="stack" onSubmit={submit}>
          <FormField label="Penalty">
            <select value={kind} onChange={(event) => setKind(event.target.value)}>
              <option value="SILENCE">Silence (may read, not post)</option>
              <option value="SUSPENSION">Suspend (may not sign in)</option>
            </select>
          </FormField>
          <FormField label="Reason" hint="Shown to the person">
            <input value={reason} onChange={(event) => setReason(event.target.value)} />
          </FormField>
          <FormField label="Days (empty: escalate from earlier penalties)">
            <input
              type="number"
              min={1}
              max={3650}
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
          </FormField>
          <button type="submit" className="button button-primary">
            Apply to @{person.handle}
          </button>
        </form>
      ) : null}
      {history.length > 0 ? (
        <ul aria-label="Penalty history">
          {history.map((penalty) => (
            <li key={penalty.id}>
              {penalty.kind.toLowerCase()} for {penalty.durationDays} days until{" "}
              {new Date(penalty.endsAt).toLocaleString()} by @{penalty.imposedBy?.handle}: {penalty.reason}
              {penalty.liftedAt ? " (lifted)" : null}{" "}
              {penalty.active ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={async () => {
                    const response = await lift.run({ input: { penaltyId: penalty.id } });
                    if (response.errors.length === 0 && person) await load(person.id);
                  }}
                >
                  Lift
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorList errors={[...impose.errors, ...lift.errors]} />
    </section>
  );
}
