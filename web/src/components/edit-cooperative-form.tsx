import { type FormEvent, useState } from "react";
import type { CooperativeDetails } from "../lib/cooperative-types.js";
import { fieldProblems } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";

const UPDATE_COOPERATIVE = `mutation UpdateCooperative($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { id } } }`;

/** The admins' profile editor: name, country, website and description. */
export function EditCooperativeForm({
  cooperative,
  onSaved,
}: {
  cooperative: CooperativeDetails;
  onSaved: () => void;
}) {
  const [name, setName] = useState(cooperative.name);
  const [country, setCountry] = useState(cooperative.country);
  const [website, setWebsite] = useState(cooperative.website ?? "");
  const [description, setDescription] = useState(cooperative.description);
  const update = useMutation(UPDATE_COOPERATIVE);
  const problems = fieldProblems(update.errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { id: cooperative.id, name, country, website: website.trim() || null, description };
    const response = await update.run({ input });
    if (response.errors.length === 0) onSaved();
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="edit-heading">
      <h3 id="edit-heading">Edit profile</h3>
      <FormField label="Name" error={problems.name}>
        <input type="text" required value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <div className="form-row">
        <FormField label="Country" hint="Two-letter code, e.g. DE" error={problems.country}>
          <input
            type="text"
            required
            maxLength={2}
            value={country}
            onChange={(event) => setCountry(event.target.value)}
          />
        </FormField>
        <FormField label="Website" error={problems.website}>
          <input type="url" value={website} onChange={(event) => setWebsite(event.target.value)} />
        </FormField>
      </div>
      <FormField label="Description" error={problems.description}>
        <textarea rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
      </FormField>
      <ErrorList errors={Object.keys(problems).length > 0 ? [] : update.errors} />
      <p>
        <button type="submit" className="button button-primary" disabled={update.pending}>
          {update.pending ? "Saving…" : "Save profile"}
        </button>
      </p>
    </form>
  );
}
