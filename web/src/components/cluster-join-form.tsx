import { type FormEvent, useState } from "react";
import { errorWithCode, fieldProblems } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { StepUpNotice } from "./step-up-notice.js";
import { FormField } from "./form-field.js";
import { SecretReveal } from "./secret-reveal.js";

const CREATE = `mutation CreateJoinToken($input: CreateClusterJoinTokenInput!) {
  createClusterJoinToken(input: $input) { joinToken expiresAt clusterName installCommand cliCommand }
}`;

interface Created {
  joinToken: string;
  expiresAt: string;
  clusterName: string;
  installCommand: string;
  cliCommand: string;
}

/**
 * The join flow for a cooperative admin: name the cluster, get a single-use token and the install command. The
 * hub demands a recent second factor; the form then links to the step-up sign-in, which returns here.
 */
export function ClusterJoinForm({ cooperatives }: { cooperatives: Array<{ id: string; name: string }> }) {
  const [cooperativeId, setCooperativeId] = useState(cooperatives[0]?.id ?? "");
  const [clusterName, setClusterName] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation<{ createClusterJoinToken: Created | null }>(CREATE);
  const problems = fieldProblems(create.errors);
  const stepUp = errorWithCode(create.errors, "STEP_UP_REQUIRED");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const response = await create.run({ input: { cooperativeId, clusterName: clusterName.trim() } });
    if (response.data?.createClusterJoinToken) {
      setCreated(response.data.createClusterJoinToken);
      setClusterName("");
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="join-cluster-heading">
      <h2 id="join-cluster-heading">Join a cluster</h2>
      <div className="form-row">
        {cooperatives.length > 1 ? (
          <FormField label="Cooperative">
            <select value={cooperativeId} onChange={(event) => setCooperativeId(event.target.value)}>
              {cooperatives.map((cooperative) => (
                <option key={cooperative.id} value={cooperative.id}>
                  {cooperative.name}
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        <FormField
          label="Cluster name"
          hint="Lowercase letters, digits and hyphens, e.g. berlin-1."
          error={problems.clusterName}
        >
          <input
            type="text"
            required
            value={clusterName}
            onChange={(event) => setClusterName(event.target.value)}
          />
        </FormField>
      </div>
      {stepUp ? (
        <StepUpNotice
          action="Joining a cluster"
          stepUpUrl={String(stepUp.extensions?.stepUpUrl ?? "/auth/login?stepUp=1")}
        />
      ) : (
        <ErrorList errors={Object.keys(problems).length > 0 ? [] : create.errors} />
      )}
      <p>
        <button type="submit" className="button button-primary" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create join token"}
        </button>
      </p>
      {created ? (
        <div className="stack">
          <SecretReveal
            label={`Install the agent in “${created.clusterName}” (kubectl)`}
            value={created.installCommand}
            warning={`The token in this command works once, until ${new Date(created.expiresAt).toLocaleString()}. It will not be shown again.`}
          />
          <SecretReveal
            label="Or with the agent's command line"
            value={created.cliCommand}
            warning="The cluster appears here once the agent registered; a steward then accepts it into the federation."
          />
        </div>
      ) : null}
    </form>
  );
}
