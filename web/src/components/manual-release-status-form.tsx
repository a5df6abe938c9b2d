import { useId, useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { RELEASE_STATUS_LABELS } from "./manual-types.js";

const SET_STATUS = `mutation SetReleaseStatus($input: SetManualReleaseStatusInput!) {
  setManualReleaseStatus(input: $input) { release { id status } } }`;

/** A maintainer changes one release's status (making one current turns the previous current one maintained). */
export function ManualReleaseStatusForm({
  release,
  onChanged,
}: {
  release: { id: string; name: string; status: string };
  onChanged: () => void;
}) {
  const setStatus = useMutation<unknown>(SET_STATUS);
  const [status, setValue] = useState(release.status);
  const id = useId();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await setStatus.run({ input: { releaseId: release.id, status } });
    if (response.errors.length === 0) onChanged();
  };
  return (
    <form className="manual-inline-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Status of {release.name}
      </label>
      <select id={id} value={status} onChange={(event) => setValue(event.target.value)}>
        {Object.entries(RELEASE_STATUS_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>{" "}
      <button
        type="submit"
        className="button button-small"
        disabled={setStatus.pending || status === release.status}
        aria-label={`Set status of ${release.name}`}
      >
        Set status
      </button>
      <ErrorList errors={setStatus.errors} />
    </form>
  );
}
