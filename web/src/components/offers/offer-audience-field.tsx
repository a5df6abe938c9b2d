import { TIER_NAMES, TIERS } from "./offer-types.js";

/** One allow or deny list: cooperatives (multi-select) and tiers (checkboxes). */
export function OfferAudienceField({
  legend,
  cooperatives,
  selectedCooperatives,
  selectedTiers,
  onChange,
  error,
}: {
  legend: string;
  cooperatives: Array<{ id: string; name: string }>;
  selectedCooperatives: string[];
  selectedTiers: string[];
  onChange: (cooperatives: string[], tiers: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="stack">
      <legend>{legend}</legend>
      <label>
        Cooperatives{" "}
        <select
          multiple
          value={selectedCooperatives}
          onChange={(event) =>
            onChange(
              [...event.target.selectedOptions].map((option) => option.value),
              selectedTiers,
            )
          }
        >
          {cooperatives.map((cooperative) => (
            <option key={cooperative.id} value={cooperative.id}>
              {cooperative.name}
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        {TIERS.map((tier) => (
          <label key={tier}>
            <input
              type="checkbox"
              checked={selectedTiers.includes(tier)}
              onChange={(event) =>
                onChange(
                  selectedCooperatives,
                  event.target.checked
                    ? [...selectedTiers, tier]
                    : selectedTiers.filter((other) => other !== tier),
                )
              }
            />{" "}
            {TIER_NAMES[tier]}
          </label>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
