import { useId } from "react";
import "./ledger.css";
import { hours } from "./ledger-format.js";
import type { LedgerDay } from "./ledger-types.js";

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;
const TOP = 18;
const COLOURS = { provided: "#1b5e20", consumed: "#0d47a1" } as const;

/** The chart's data as a table: the accessible fallback, and what a reader copies numbers from. */
function DayTable({ days, caption }: { days: LedgerDay[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Given (core-hour equivalents)</th>
            <th scope="col">Used (core-hour equivalents)</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{day.day}</th>
              <td>{hours(day.providedEquivalentSeconds)}</td>
              <td>{hours(day.consumedEquivalentSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Given vs used per day as paired bars (given dark green, used dark blue), drawn as SVG with a title and a
 * description for screen readers, and the same figures in a table below it.
 */
export function LedgerChart({ days, title }: { days: LedgerDay[]; title: string }) {
  const id = useId();
  const given = days.reduce((sum, day) => sum + day.providedEquivalentSeconds, 0);
  const used = days.reduce((sum, day) => sum + day.consumedEquivalentSeconds, 0);
  const maximum = Math.max(
    1,
    ...days.map((day) => Math.max(day.providedEquivalentSeconds, day.consumedEquivalentSeconds)),
  );
  const slot = WIDTH / Math.max(1, days.length);
  const bar = Math.max(1, slot * 0.4);
  const plot = HEIGHT - AXIS - TOP;
  const height = (value: number) => (value / maximum) * plot;
  const description = `${days.length} days: ${hours(given)} core-hour equivalents given, ${hours(used)} used; the busiest day reached ${hours(maximum)}.`;
  return (
    <figure className="ledger-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text x={WIDTH - 2} y={TOP - 5} fontSize={11} textAnchor="end" fill="#333">
          {hours(maximum)}
        </text>
        <line x1={0} x2={WIDTH} y1={TOP} y2={TOP} stroke="#ccc" strokeWidth={1} strokeDasharray="3 3" />
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} stroke="#666" strokeWidth={1} />
        {days.map((day, index) => {
          const x = index * slot + (slot - 2 * bar) / 2;
          return (
            <g key={day.day}>
              <rect
                x={x}
                y={HEIGHT - AXIS - height(day.providedEquivalentSeconds)}
                width={bar}
                height={height(day.providedEquivalentSeconds)}
                fill={COLOURS.provided}
              />
              <rect
                x={x + bar}
                y={HEIGHT - AXIS - height(day.consumedEquivalentSeconds)}
                width={bar}
                height={height(day.consumedEquivalentSeconds)}
                fill={COLOURS.consumed}
              />
              {index % 5 === 0 ? (
                <text
                  x={index * slot + slot / 2}
                  y={HEIGHT - 6}
                  fontSize={11}
                  textAnchor="middle"
                  fill="#333"
                >
                  {day.day.slice(8)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        <span className="ledger-key ledger-key-given" aria-hidden="true" /> Given{" "}
        <span className="ledger-key ledger-key-used" aria-hidden="true" /> Used · {description}
      </figcaption>
      <details>
        <summary>The chart's figures as a table</summary>
        <DayTable days={days} caption={`${title}, per day`} />
      </details>
    </figure>
  );
}
