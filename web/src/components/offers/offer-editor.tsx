import { type FormEvent, useState } from "react";
import { fieldProblems } from "../../lib/graphql.js";
import { useMutation } from "../../lib/use-mutation.js";
import { ErrorList } from "../error-list.js";
import { FormField } from "../form-field.js";
import { OfferAudienceField } from "./offer-audience-field.js";
import { formStateOf, inputOf, type OfferFormState } from "./offer-form-state.js";
import type { CapacityOffer } from "./offer-types.js";
import { OfferWindowsField } from "./offer-windows-field.js";

const SET = `mutation SetCapacityOffer($input: SetCapacityOfferInput!) {
  setCapacityOffer(input: $input) { offer { id version } }
}`;
const WITHDRAW = `mutation WithdrawCapacityOffer($input: WithdrawCapacityOfferInput!) {
  withdrawCapacityOffer(input: $input) { offer { id version } }
}`;

/**
 * The offer editor for the cluster's cooperative admins. Saving sends the complete terms as the next version, with
 * the version shown here as `expectedVersion`, so a colleague's concurrent change is reported, not overwritten.
 */
export function OfferEditor({
  clusterId,
  offer,
  cooperatives,
  onSaved,
}: {
  clusterId: string;
  offer: CapacityOffer | null;
  cooperatives: Array<{ id: string; name: string }>;
  onSaved: () => void;
}) {
  const [state, setState] = useState<OfferFormState>(() => formStateOf(offer));
  const save = useMutation(SET);
  const withdraw = useMutation(WITHDRAW);
  const problems = fieldProblems(save.errors);
  const change = (patch: Partial<OfferFormState>) => setState((previous) => ({ ...previous, ...patch }));
  const capError = (resource: string) =>
    Object.entries(problems)
      .filter(([field]) => field.startsWith("caps."))
      .map(([field, message]) => `${field}: ${message}`)
      .find((text) => resource === "" || text.includes(resource));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await save.run({ input: inputOf(clusterId, state, offer?.version ?? 0) });
    if (response.errors.length === 0) onSaved();
  };
  const text = (key: keyof OfferFormState) => ({
    value: String(state[key]),
    onChange: (event: { target: { value: string } }) => change({ [key]: event.target.value }),
  });

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="offer-editor-heading">
      <h3 id="offer-editor-heading">
        {offer ? `Change the offer (now version ${offer.version})` : "Offer this cluster"}
      </h3>
      <div className="form-row">
        <FormField label="CPU cap (cores)" hint="Empty: no cap.">
          <input type="number" min="0" step="0.001" {...text("cpuCores")} />
        </FormField>
        <FormField label="Memory cap (GiB)">
          <input type="number" min="0" step="0.5" {...text("memoryGi")} />
        </FormField>
        <FormField label="Ephemeral storage cap (GiB)">
          <input type="number" min="0" step="1" {...text("ephemeralGi")} />
        </FormField>
        <FormField label="Pods cap">
          <input type="number" min="0" step="1" {...text("pods")} />
        </FormField>
      </div>
      <FormField
        label="Other caps"
        hint="One per line in base units: storage:<class>=bytes, gpu:<model>=devices."
        error={capError("")}
      >
        <textarea rows={2} {...text("otherCaps")} />
      </FormField>
      <FormField
        label="Share of free capacity (%)"
        hint="Empty: no share limit."
        error={problems.freeSharePercent}
      >
        <input type="number" min="0" max="100" step="1" {...text("sharePercent")} />
      </FormField>
      <OfferAudienceField
        legend="Allow only (empty: everyone)"
        cooperatives={cooperatives}
        selectedCooperatives={state.allowCooperatives}
        selectedTiers={state.allowTiers}
        onChange={(allowCooperatives, allowTiers) => change({ allowCooperatives, allowTiers })}
        error={Object.entries(problems).find(([field]) => field.startsWith("allow"))?.[1]}
      />
      <OfferAudienceField
        legend="Deny"
        cooperatives={cooperatives}
        selectedCooperatives={state.denyCooperatives}
        selectedTiers={state.denyTiers}
        onChange={(denyCooperatives, denyTiers) => change({ denyCooperatives, denyTiers })}
        error={Object.entries(problems).find(([field]) => field.startsWith("deny"))?.[1]}
      />
      <OfferWindowsField
        windows={state.windows}
        onChange={(windows) => change({ windows })}
        problems={problems}
      />
      <div className="form-row">
        <label>
          <input
            type="checkbox"
            checked={state.preemptible}
            onChange={(event) => change({ preemptible: event.target.checked })}
          />{" "}
          Preemptible: we may take the capacity back
        </label>
        {state.preemptible ? (
          <FormField label="Grace period (seconds)" error={problems.gracePeriodSeconds}>
            <input type="number" min="0" step="1" {...text("graceSeconds")} />
          </FormField>
        ) : null}
        <label>
          <input
            type="checkbox"
            checked={state.paused}
            onChange={(event) => change({ paused: event.target.checked })}
          />{" "}
          Paused (no new placements)
        </label>
      </div>
      <ErrorList errors={Object.keys(problems).length > 0 ? [] : [...save.errors, ...withdraw.errors]} />
      {Object.keys(problems).length > 0 ? (
        <ul className="field-error" aria-label="Problems">
          {Object.entries(problems).map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save offer"}
        </button>
        {offer && offer.status !== "WITHDRAWN" ? (
          <button
            type="button"
            className="button button-danger"
            onClick={async () => {
              const response = await withdraw.run({ input: { clusterId } });
              if (response.errors.length === 0) onSaved();
            }}
          >
            Withdraw offer
          </button>
        ) : null}
      </p>
    </form>
  );
}
