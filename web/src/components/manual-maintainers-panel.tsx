import { useState } from "react";
import { fieldProblems } from "../lib/graphql.js";
import { Link } from "../lib/link.js";
import { useMutation } from "../lib/use-mutation.js";
import { useViewer } from "../lib/viewer.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";

/** A maintainer of a manual: a cooperative (all its members) or one person. */
export interface ManualMaintainerView {
  cooperative: { slug: string; name: string } | null;
  person: { handle: string; name: string } | null;
}

const ADD = `mutation AddMaintainer($input: AddManualMaintainerInput!) { addManualMaintainer(input: $input) { manual { id } } }`;
const REMOVE = `mutation RemoveMaintainer($input: RemoveManualMaintainerInput!) {
  removeManualMaintainer(input: $input) { manual { id } } }`;

const holderInput = (maintainer: ManualMaintainerView) =>
  maintainer.cooperative
    ? { cooperativeSlug: maintainer.cooperative.slug }
    : { personHandle: maintainer.person?.handle };

/** Who maintains the manual; stewards add and remove cooperatives and people. */
export function ManualMaintainersPanel({
  manualId,
  maintainers,
  onChanged,
}: {
  manualId: string;
  maintainers: ManualMaintainerView[];
  onChanged: () => void;
}) {
  const { isSteward } = useViewer();
  const add = useMutation<unknown>(ADD);
  const remove = useMutation<unknown>(REMOVE);
  const [kind, setKind] = useState<"cooperative" | "person">("cooperative");
  const [name, setName] = useState("");
  const problems = fieldProblems(add.errors);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const holder = kind === "cooperative" ? { cooperativeSlug: name } : { personHandle: name };
    const response = await add.run({ input: { manualId, ...holder } });
    if (response.errors.length === 0) {
      setName("");
      onChanged();
    }
  };
  const removeOne = async (maintainer: ManualMaintainerView) => {
    const response = await remove.run({ input: { manualId, ...holderInput(maintainer) } });
    if (response.errors.length === 0) onChanged();
  };
  return (
    <section aria-labelledby="manual-maintainers-heading">
      <h2 id="manual-maintainers-heading">Maintainers</h2>
      <p className="field-hint">
        Maintainers review proposals, edit pages, restore revisions, cut releases and read page feedback.
        Stewards can act as maintainers of every manual.
      </p>
      {maintainers.length === 0 ? <p>No maintainers yet.</p> : null}
      <ul className="manual-maintainer-list">
        {maintainers.map((maintainer) => {
          const label = maintainer.cooperative
            ? `${maintainer.cooperative.name} (cooperative)`
            : `${maintainer.person?.name} (@${maintainer.person?.handle})`;
          return (
            <li key={maintainer.cooperative?.slug ?? maintainer.person?.handle}>
              {maintainer.cooperative ? (
                <Link to={`/cooperatives/${maintainer.cooperative.slug}`}>{label}</Link>
              ) : (
                <span>{label}</span>
              )}
              {isSteward ? (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Remove ${label}`}
                  disabled={remove.pending}
                  onClick={() => removeOne(maintainer)}
                >
                  Remove
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ErrorList errors={remove.errors} />
      {isSteward ? (
        <form className="form" onSubmit={submit} aria-label="Add a maintainer">
          <ErrorList errors={add.errors.filter((error) => error.extensions?.code !== "BAD_USER_INPUT")} />
          <FormField label="Maintainer kind">
            <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
              <option value="cooperative">Cooperative</option>
              <option value="person">Person</option>
            </select>
          </FormField>
          <FormField
            label={kind === "cooperative" ? "Cooperative slug" : "Person handle"}
            error={kind === "cooperative" ? problems.cooperativeSlug : problems.personHandle}
          >
            <input type="text" value={name} onChange={(event) => setName(event.target.value)} required />
          </FormField>
          <button type="submit" className="button button-primary" disabled={add.pending}>
            Add maintainer
          </button>
        </form>
      ) : null}
    </section>
  );
}
