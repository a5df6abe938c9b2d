import { useEffect, useId, useState } from "react";
import { ErrorList } from "./error-list.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";

const PREFERENCES = `query EmailPreferences { forumEmailPreferences {
  emailMentions emailReplies emailDigest digestFrequency address } }`;
const UPDATE = `mutation UpdateEmailPreferences($input: UpdateForumEmailPreferencesInput!) {
  updateForumEmailPreferences(input: $input) { preferences { emailMentions emailReplies emailDigest digestFrequency } } }`;

interface Preferences {
  emailMentions: boolean;
  emailReplies: boolean;
  emailDigest: boolean;
  digestFrequency: string;
  address: string | null;
}

const SWITCHES: Array<[keyof Preferences, string]> = [
  ["emailMentions", "Email me at once when someone mentions me or my cooperative"],
  ["emailReplies", "Email me at once when someone replies to or quotes my posts"],
  ["emailDigest", "Send me a digest of unread activity I watch"],
];

/** The viewer's forum email switches; each change is saved at once. */
export function ForumEmailSettings() {
  const { data, errors } = useQuery<{ forumEmailPreferences: Preferences }>(PREFERENCES);
  const update = useMutation<{ updateForumEmailPreferences: { preferences: Omit<Preferences, "address"> } }>(
    UPDATE,
  );
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState(false);
  const frequencyId = useId();
  useEffect(() => {
    if (data) setPreferences(data.forumEmailPreferences);
  }, [data]);
  if (!preferences) return <ErrorList errors={errors} />;
  const save = async (changes: Partial<Preferences>) => {
    // Show the change at once (a switch that waits for the server looks broken), and undo it if saving fails.
    const before = preferences;
    setSaved(false);
    setPreferences({ ...before, ...changes });
    const response = await update.run({ input: changes });
    const next = response.data?.updateForumEmailPreferences.preferences;
    setPreferences(next ? { ...before, ...next } : before);
    setSaved(Boolean(next));
  };
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      <p className="lead">
        {preferences.address
          ? `Emails go to ${preferences.address} (from your sign-in account).`
          : "Your account has no email address, so no email is sent."}{" "}
        Digests go out at 07:00 UTC; weekly ones on Mondays.
      </p>
      {SWITCHES.map(([key, label]) => (
        <div key={key} className="field field-checkbox">
          <label>
            <input
              type="checkbox"
              checked={preferences[key] as boolean}
              disabled={update.pending}
              onChange={(event) => save({ [key]: event.target.checked })}
            />{" "}
            {label}
          </label>
        </div>
      ))}
      <div className="field">
        <label htmlFor={frequencyId}>Digest frequency</label>
        <select
          id={frequencyId}
          value={preferences.digestFrequency}
          disabled={update.pending || !preferences.emailDigest}
          onChange={(event) => save({ digestFrequency: event.target.value })}
        >
          <option value="WEEKLY">Weekly</option>
          <option value="DAILY">Daily</option>
        </select>
      </div>
      <p role="status" className="field-hint">
        {saved ? "Saved." : ""}
      </p>
      <ErrorList errors={[...errors, ...update.errors]} />
    </section>
  );
}
