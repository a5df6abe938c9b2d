import { FormField } from "../form-field.js";
import type { PlacementFormState } from "./placement-form-state.js";

interface FieldsProps {
  state: PlacementFormState;
  change: (patch: Partial<PlacementFormState>) => void;
  problems: Record<string, string>;
}

const text = (state: PlacementFormState, change: FieldsProps["change"], key: keyof PlacementFormState) => ({
  value: String(state[key]),
  onChange: (event: { target: { value: string } }) => change({ [key]: event.target.value }),
});

/** Where the workload comes from: pasted manifests, or a blueprint version with parameters. */
export function SourceFields({ state, change, problems }: FieldsProps) {
  return (
    <fieldset className="stack">
      <legend>Workload</legend>
      <div className="form-row">
        <label>
          <input
            type="radio"
            name="source"
            checked={state.source === "MANIFESTS"}
            onChange={() => change({ source: "MANIFESTS" })}
          />{" "}
          Kubernetes manifests
        </label>
        <label>
          <input
            type="radio"
            name="source"
            checked={state.source === "BLUEPRINT"}
            onChange={() => change({ source: "BLUEPRINT" })}
          />{" "}
          Blueprint version
        </label>
      </div>
      {state.source === "MANIFESTS" ? (
        <FormField
          label="Manifests (YAML)"
          hint="Namespaced objects only; no privileged pods or host paths. The hub sets the namespace and replicas."
          error={problems.manifests}
        >
          <textarea
            rows={14}
            spellCheck={false}
            className="code-input"
            {...text(state, change, "manifests")}
          />
        </FormField>
      ) : (
        <>
          <FormField label="Blueprint version ID" error={problems["blueprint.blueprintVersionId"]}>
            <input type="text" {...text(state, change, "blueprintVersionId")} />
          </FormField>
          <FormField label="Parameters (JSON)" error={problems["blueprint.parameters"]}>
            <textarea
              rows={5}
              spellCheck={false}
              className="code-input"
              {...text(state, change, "parameters")}
            />
          </FormField>
        </>
      )}
    </fieldset>
  );
}

/** Replicas, resources per replica, mode and spread. */
export function SizeFields({ state, change, problems }: FieldsProps) {
  return (
    <fieldset className="stack">
      <legend>Size and spread</legend>
      <div className="form-row placement-form-row">
        <FormField label="Replicas" error={problems.replicas}>
          <input type="number" min="1" step="1" {...text(state, change, "replicas")} />
        </FormField>
        <FormField label="CPU per replica (cores)" error={problems["resources.0.amount"]}>
          <input type="number" min="0" step="0.1" {...text(state, change, "cpuCores")} />
        </FormField>
        <FormField label="Memory per replica (MiB)" error={problems["resources.1.amount"]}>
          <input type="number" min="0" step="64" {...text(state, change, "memoryMi")} />
        </FormField>
      </div>
      <div className="form-row placement-form-row">
        <FormField
          label="Mode"
          hint="Divided splits the replicas; Duplicated runs all of them on each cluster."
        >
          <select
            value={state.modeKind}
            onChange={(event) => change({ modeKind: event.target.value as PlacementFormState["modeKind"] })}
          >
            <option value="DIVIDED">Divided</option>
            <option value="DUPLICATED">Duplicated</option>
          </select>
        </FormField>
        {state.modeKind === "DUPLICATED" ? (
          <FormField label="Number of clusters" error={problems["mode.clusters"]}>
            <input type="number" min="1" step="1" {...text(state, change, "modeClusters")} />
          </FormField>
        ) : null}
        <FormField
          label="At most per cluster"
          hint="Empty: no limit."
          error={problems["spread.maxPerCluster"]}
        >
          <input type="number" min="1" step="1" {...text(state, change, "maxPerCluster")} />
        </FormField>
        <FormField
          label="At most per cooperative"
          hint="Empty: no limit."
          error={problems["spread.maxPerCooperative"]}
        >
          <input type="number" min="1" step="1" {...text(state, change, "maxPerCooperative")} />
        </FormField>
      </div>
    </fieldset>
  );
}

/** Residency and own-cluster constraints, and whether to wait for capacity. */
export function ConstraintFields({ state, change, problems }: FieldsProps) {
  return (
    <fieldset className="stack">
      <legend>Constraints</legend>
      <div className="form-row placement-form-row">
        <FormField
          label="Jurisdictions"
          hint="Comma-separated, e.g. EU, CH. Empty: anywhere."
          error={problems["constraints.jurisdictions"]}
        >
          <input type="text" {...text(state, change, "jurisdictions")} />
        </FormField>
        <FormField
          label="Countries"
          hint="Comma-separated ISO codes, e.g. DE, FR."
          error={problems["constraints.countries"]}
        >
          <input type="text" {...text(state, change, "countries")} />
        </FormField>
        <FormField label="Our own clusters">
          <select
            value={state.own}
            onChange={(event) => change({ own: event.target.value as PlacementFormState["own"] })}
          >
            <option value="any">Like any other</option>
            <option value="prefer">Prefer them</option>
            <option value="exclude">Exclude them</option>
          </select>
        </FormField>
      </div>
      <label>
        <input
          type="checkbox"
          checked={state.waitForCapacity}
          onChange={(event) => change({ waitForCapacity: event.target.checked })}
        />{" "}
        Wait in the queue when no capacity is free now
      </label>
    </fieldset>
  );
}
