import { type FormEvent, useState } from "react";
import { errorWithCode, fieldProblems } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { StepUpNotice } from "./step-up-notice.js";
import { FormField } from "./form-field.js";
import { SecretReveal } from "./secret-reveal.js";

const CREATE = `mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { secret apiToken { id name } }
}`;

interface CreateData {
  createApiToken: { secret: string; apiToken: { id: string; name: string } } | null;
}

/**
 * Creates a token. The hub demands a recent second factor (STEP_UP_REQUIRED): then the form links to the
 * step-up sign-in, which returns here. The secret is shown once.
 */
export function CreateApiTokenForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState("");
  const [read, setRead] = useState(true);
  const [write, setWrite] = useState(false);
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const create = useMutation<CreateData>(CREATE);
  const problems = fieldProblems(create.errors);
  const stepUp = errorWithCode(create.errors, "STEP_UP_REQUIRED");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const scopes = [read ? "READ" : "", write ? "WRITE" : ""].filter(Boolean);
    const response = await create.run({ input: { name: name.trim(), scopes, expiresInDays: Number(days) } });
    const payload = response.data?.createApiToken;
    if (payload) {
      setCreated({ name: payload.apiToken.name, secret: payload.secret });
      setName("");
      onCreated();
    }
  };

  return (
    <form className="stack token-form" onSubmit={submit} aria-labelledby="create-token-heading">
      <h3 id="create-token-heading">Create a token</h3>
      <div className="form-row">
        <FormField
          label="Token name"
          hint="Where you will use it, e.g. laptop or backup job."
          error={problems.name}
        >
          <input type="text" required value={name} onChange={(event) => setName(event.target.value)} />
        </FormField>
        <FormField label="Valid for (days)" hint="1 to 365." error={problems.expiresInDays}>
          <input
            type="number"
            required
            min={1}
            max={365}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </FormField>
      </div>
      <fieldset className="checkboxes">
        <legend>Scopes</legend>
        <label>
          <input type="checkbox" checked={read} onChange={(event) => setRead(event.target.checked)} /> Read
          (queries)
        </label>
        <label>
          <input type="checkbox" checked={write} onChange={(event) => setWrite(event.target.checked)} /> Write
          (mutations)
        </label>
        {problems.scopes ? <p className="field-error">{problems.scopes}</p> : null}
      </fieldset>
      {stepUp ? (
        <StepUpNotice
          action="Creating a token"
          stepUpUrl={String(stepUp.extensions?.stepUpUrl ?? "/auth/login?stepUp=1&returnTo=%2Fprofile")}
        />
      ) : (
        <ErrorList errors={Object.keys(problems).length > 0 ? [] : create.errors} />
      )}
      <p>
        <button type="submit" className="button button-primary" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create token"}
        </button>
      </p>
      {created ? (
        <SecretReveal
          label={`Secret of “${created.name}”`}
          value={created.secret}
          warning="Copy it now: this secret will not be shown again. The hub keeps only its hash."
        />
      ) : null}
    </form>
  );
}
