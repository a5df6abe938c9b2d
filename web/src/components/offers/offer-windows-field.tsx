import { DAY_NAMES, type OfferWindow } from "./offer-types.js";

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Rows of weekly windows: days, start, end and time zone; problems come from the hub by index. */
export function OfferWindowsField({
  windows,
  onChange,
  problems,
}: {
  windows: OfferWindow[];
  onChange: (windows: OfferWindow[]) => void;
  problems: Record<string, string>;
}) {
  const update = (index: number, change: Partial<OfferWindow>) =>
    onChange(windows.map((window, at) => (at === index ? { ...window, ...change } : window)));
  return (
    <fieldset className="stack">
      <legend>Time windows (none: always open)</legend>
      {windows.map((window, index) => {
        const problem = Object.entries(problems)
          .filter(([field]) => field === `windows.${index}` || field.startsWith(`windows.${index}.`))
          .map(([field, message]) => `${field.replace(`windows.${index}`, "window")}: ${message}`)
          .join("; ");
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <fieldset key={index} className="form-row">
            <legend>Window {index + 1}</legend>
            {DAY_NAMES.map((name, day) => (
              <label key={name}>
                <input
                  type="checkbox"
                  checked={window.days.includes(day)}
                  onChange={(event) =>
                    update(index, {
                      days: event.target.checked
                        ? [...window.days, day].sort()
                        : window.days.filter((other) => other !== day),
                    })
                  }
                />{" "}
                {name}
              </label>
            ))}
            <label>
              From{" "}
              <input
                type="time"
                value={window.start}
                onChange={(event) => update(index, { start: event.target.value })}
              />
            </label>
            <label>
              To{" "}
              <input
                type="time"
                value={window.end}
                onChange={(event) => update(index, { end: event.target.value })}
              />
            </label>
            <label>
              Time zone{" "}
              <input
                type="text"
                value={window.timeZone}
                onChange={(event) => update(index, { timeZone: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onChange(windows.filter((_window, at) => at !== index))}
            >
              Remove window {index + 1}
            </button>
            {problem ? <p className="field-error">{problem}</p> : null}
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            onChange([
              ...windows,
              { days: [1, 2, 3, 4, 5], start: "18:00", end: "08:00", timeZone: BROWSER_ZONE },
            ])
          }
        >
          Add a window
        </button>
      </p>
    </fieldset>
  );
}
