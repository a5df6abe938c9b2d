import { type FormEvent, useRef, useState } from "react";
import { ErrorList } from "../../components/error-list.js";
import { FormField } from "../../components/form-field.js";
import { NoCapacityExplanation } from "../../components/placements/no-capacity-explanation.js";
import {
  initialPlacementForm,
  type PlacementFormState,
  previewable,
  requestOf,
} from "../../components/placements/placement-form-state.js";
import {
  ConstraintFields,
  SizeFields,
  SourceFields,
} from "../../components/placements/placement-form-fields.js";
import { PlacementPreviewPanel } from "../../components/placements/placement-preview-panel.js";
import { usePlacementPreview } from "../../components/placements/use-placement-preview.js";
import "../../components/placements/placements.css";
import { SignInPrompt } from "../../components/sign-in-prompt.js";
import { errorWithCode, fieldProblems } from "../../lib/graphql.js";
import { Link } from "../../lib/link.js";
import { usePageTitle } from "../../lib/page-title.js";
import { navigate } from "../../lib/router.js";
import { useMutation } from "../../lib/use-mutation.js";
import { useQuery } from "../../lib/use-query.js";
import { useViewer } from "../../lib/viewer.js";

const ADMIN_OF = `query PlacementCooperatives {
  viewer { memberships(first: 50) { edges { node { role cooperative { id name } } } } }
}`;

const CREATE = `mutation CreatePlacement($input: CreatePlacementInput!) {
  createPlacement(input: $input) { placement { id status } }
}`;

interface AdminOfData {
  viewer: {
    memberships: { edges: Array<{ node: { role: string; cooperative: { id: string; name: string } } }> };
  } | null;
}

/** `/placements/new`: the request form with a live preview of where it would go and why. */
export function NewPlacementPage() {
  usePageTitle("New placement");
  const { person, loading: viewerLoading } = useViewer();
  const { data } = useQuery<AdminOfData>(ADMIN_OF);
  const cooperatives = (data?.viewer?.memberships.edges ?? [])
    .filter((edge) => edge.node.role === "ADMIN")
    .map((edge) => edge.node.cooperative);
  if (!person && !viewerLoading)
    return (
      <section className="page narrow">
        <h1>New placement</h1>
        <SignInPrompt action="place a workload" />
      </section>
    );
  if (!data) return <p className="muted">Loading…</p>;
  if (cooperatives.length === 0)
    return (
      <section className="page narrow">
        <h1>New placement</h1>
        <p>Only admins of a cooperative can place workloads for it.</p>
      </section>
    );
  return <PlacementForm cooperatives={cooperatives} />;
}

function PlacementForm({ cooperatives }: { cooperatives: Array<{ id: string; name: string }> }) {
  const [state, setState] = useState<PlacementFormState>(() => initialPlacementForm(cooperatives[0].id));
  const change = (patch: Partial<PlacementFormState>) => setState((previous) => ({ ...previous, ...patch }));
  const complete = previewable(state);
  const preview = usePlacementPreview(complete ? requestOf(state) : null);
  const create = useMutation<{ createPlacement: { placement: { id: string } } }>(CREATE);
  // One key per attempt, kept only when the hub could not be reached, so a retry never places twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const problems = fieldProblems(
    create.errors.filter((error) => error.extensions?.code === "BAD_USER_INPUT"),
  );
  const requestProblems = Object.fromEntries(
    Object.entries(problems).map(([field, message]) => [field.replace(/^request\./, ""), message]),
  );
  const noCapacity = errorWithCode(create.errors, "NO_CAPACITY");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await create.run({
      input: {
        request: requestOf(state),
        waitForCapacity: state.waitForCapacity,
        idempotencyKey: idempotencyKey.current,
      },
    });
    if (!errorWithCode(response.errors, "NETWORK")) idempotencyKey.current = crypto.randomUUID();
    const placement = response.data?.createPlacement.placement;
    if (placement) navigate(`/placements/${placement.id}`);
  };

  return (
    <div className="page">
      <p>
        <Link to="/placements">← Placements</Link>
      </p>
      <h1>New placement</h1>
      <p className="lead">
        Run a workload on capacity other cooperatives offer. The preview shows where it would go.
      </p>
      <div className="placement-layout">
        <form className="stack" onSubmit={submit} aria-labelledby="request-heading" noValidate>
          <h2 id="request-heading" className="visually-hidden">
            Request
          </h2>
          <FormField label="Cooperative" error={requestProblems.cooperativeId}>
            <select
              value={state.cooperativeId}
              onChange={(event) => change({ cooperativeId: event.target.value })}
            >
              {cooperatives.map((cooperative) => (
                <option key={cooperative.id} value={cooperative.id}>
                  {cooperative.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label="Name"
            hint="Lowercase letters, digits and hyphens, up to 63 characters."
            error={requestProblems.name}
          >
            <input
              type="text"
              value={state.name}
              onChange={(event) => change({ name: event.target.value })}
            />
          </FormField>
          <SourceFields state={state} change={change} problems={requestProblems} />
          <SizeFields state={state} change={change} problems={requestProblems} />
          <ConstraintFields state={state} change={change} problems={requestProblems} />
          {noCapacity ? (
            <NoCapacityExplanation error={noCapacity} />
          ) : (
            <ErrorList
              errors={create.errors.filter((error) => error.extensions?.code !== "BAD_USER_INPUT")}
            />
          )}
          {Object.keys(problems).length > 0 ? (
            <ErrorList
              errors={create.errors.filter((error) => error.extensions?.code === "BAD_USER_INPUT")}
            />
          ) : null}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={create.pending || !complete}>
              {create.pending ? "Placing…" : "Place workload"}
            </button>
          </div>
        </form>
        <PlacementPreviewPanel state={preview} complete={complete} />
      </div>
    </div>
  );
}
