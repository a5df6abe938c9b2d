import { type FormEvent, useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";

const YANK = `mutation Yank($input: YankBlueprintVersionInput!) {
  yankBlueprintVersion(input: $input) { version { version yanked } }
}`;

/**
 * Yanking a version, for the publisher's admins and stewards (the hub refuses anyone else with FORBIDDEN, shown
 * here as an error). A yanked version leaves the lists but stays downloadable by exact version.
 */
export function BlueprintYankForm({
  name,
  version,
  onYanked,
}: {
  name: string;
  version: string;
  onYanked: () => void;
}) {
  const [reason, setReason] = useState("");
  const yank = useMutation<{ yankBlueprintVersion: { version: { yanked: boolean } } | null }>(YANK);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await yank.run({ input: { name, version, reason } });
    if (response.data?.yankBlueprintVersion) onYanked();
  };
  return (
    <details className="panel">
      <summary>Yank {version}</summary>
      <form onSubmit={(event) => void submit(event)}>
        <FormField label="Why is this version yanked?" hint="Shown to everyone who downloads it.">
          <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
        </FormField>
        <ErrorList errors={yank.errors} />
        <button type="submit" className="button button-danger" disabled={yank.pending}>
          Yank {version}
        </button>
      </form>
    </details>
  );
}
