import { useState } from "react";
import { fieldProblems } from "../lib/graphql.js";
import { navigate } from "../lib/router.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import { RELEASE_STATUS_LABELS } from "./manual-types.js";

const CUT = `mutation CutRelease($input: CutManualReleaseInput!) {
  cutManualRelease(input: $input) { release { name url } } }`;

/** A maintainer cuts a new release from the current text of another (copy-on-cut), then opens it. */
export function ManualCutReleaseForm({
  releases,
}: {
  releases: Array<{ id: string; name: string; status: string }>;
}) {
  const cut = useMutation<{ cutManualRelease: { release: { name: string; url: string } } }>(CUT);
  const from = releases.find((release) => release.status === "CURRENT") ?? releases[0];
  const [fromReleaseId, setFrom] = useState(from?.id ?? "");
  const [name, setName] = useState("");
  const [title, setTitle] = useState("");
  const [status, setStatus] = useState("UNRELEASED");
  const problems = fieldProblems(cut.errors);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await cut.run({ input: { fromReleaseId, name, title, status } });
    const release = response.data?.cutManualRelease.release;
    if (release) navigate(release.url);
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Cut a release">
      <ErrorList
        errors={cut.errors.filter(
          (error) => !error.extensions?.field && error.extensions?.code !== "BAD_USER_INPUT",
        )}
      />
      <FormField label="Copy the text of" error={problems.fromReleaseId}>
        <select value={fromReleaseId} onChange={(event) => setFrom(event.target.value)}>
          {releases.map((release) => (
            <option key={release.id} value={release.id}>
              {release.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Release name" hint="For example 2027.05." error={problems.name}>
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} required />
      </FormField>
      <FormField label="Release title" error={problems.title}>
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required />
      </FormField>
      <FormField label="Status of the new release" error={problems.status}>
        <select value={status} onChange={(event) => setStatus(event.target.value)}>
          {Object.entries(RELEASE_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <button type="submit" className="button button-primary" disabled={cut.pending}>
        Cut release
      </button>
    </form>
  );
}
