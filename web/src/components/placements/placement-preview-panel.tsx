import { ExplanationTable } from "./explanation-table.js";
import { formatAmounts } from "./placement-types.js";
import type { PreviewState } from "./use-placement-preview.js";

/** Problems of the request: the preview's own list, or the fields a BAD_USER_INPUT error names. */
function problemsOf(state: PreviewState): Array<{ field: string; message: string }> {
  const fromErrors = state.errors.flatMap((error) =>
    error.extensions?.problems?.length
      ? error.extensions.problems
      : [{ field: error.extensions?.field ?? "", message: error.message }],
  );
  return [...(state.preview?.problems ?? []), ...fromErrors];
}

/** Beside the placement form: where the request would go now and why, or what is wrong with it. */
export function PlacementPreviewPanel({ state, complete }: { state: PreviewState; complete: boolean }) {
  const problems = problemsOf(state);
  const preview = state.preview;
  return (
    <section className="panel placement-preview" aria-labelledby="preview-heading" aria-busy={state.loading}>
      <h2 id="preview-heading">Preview</h2>
      {!complete ? (
        <p className="muted">Name the workload and describe it to see where it would go.</p>
      ) : null}
      {complete && state.loading && !preview ? <p className="muted">Asking the scheduler…</p> : null}
      {problems.length > 0 ? (
        <div className="notice notice-error" role="status">
          <p className="notice-title">Problems with the request</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                {problem.field ? <code>{problem.field.replace(/^request\./, "")}</code> : null}
                {problem.field ? ": " : ""}
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <div aria-live="polite">
          {preview.ok ? (
            <>
              <p className="notice notice-success">It would be placed now:</p>
              <ul aria-label="Where it would go">
                {preview.assignments.map((assignment) => (
                  <li key={assignment.cluster.id}>
                    <strong>{assignment.cluster.name}</strong>: {assignment.replicas}{" "}
                    {assignment.replicas === 1 ? "replica" : "replicas"} (
                    {formatAmounts(assignment.reservation)})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="notice notice-warning">
              No capacity now: {preview.decision.placeableReplicas} of {preview.decision.requestedReplicas}{" "}
              replicas could be placed.
            </p>
          )}
          <ExplanationTable
            compact
            decision={preview.decision}
            caption="Why: every cluster the scheduler considered"
          />
        </div>
      ) : null}
    </section>
  );
}
