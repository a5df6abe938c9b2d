import { useId } from "react";

/** The watch levels as people read them; the empty value means "no level of my own". */
export const WATCH_LEVEL_LABELS: Record<string, string> = {
  WATCHING: "Watching: every post",
  TRACKING: "Tracking: mentions and replies",
  WATCHING_FIRST_POST: "Watching first post: new topics",
  MUTED: "Muted: nothing",
};

/**
 * A labelled select of watch levels. `emptyLabel` names what an empty choice means (the category's default, or
 * no default at all); choosing it clears the level.
 */
export function ForumWatchLevelSelect(props: {
  label: string;
  value: string | null;
  emptyLabel: string;
  disabled?: boolean;
  onChange: (level: string | null) => void;
}) {
  const id = useId();
  return (
    <span className="forum-watch-level">
      <label htmlFor={id}>{props.label}</label>{" "}
      <select
        id={id}
        value={props.value ?? ""}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value || null)}
      >
        <option value="">{props.emptyLabel}</option>
        {Object.entries(WATCH_LEVEL_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}
