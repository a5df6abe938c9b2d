import { useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { useViewer } from "../lib/viewer.js";
import { ErrorList } from "./error-list.js";

const RATE = `mutation Rate($input: RateManualPageInput!) { rateManualPage(input: $input) { feedback { helpful } } }`;

/** "Was this page helpful?" with an optional comment; maintainers also see the totals. */
export function ManualFeedback({
  pageId,
  given,
  summary,
}: {
  pageId: string;
  given: { helpful: boolean } | null;
  summary: { helpful: number; notHelpful: number } | null;
}) {
  const { person } = useViewer();
  const rate = useMutation<unknown>(RATE);
  const [answer, setAnswer] = useState<boolean | null>(given?.helpful ?? null);
  const [comment, setComment] = useState("");
  const [sent, setSent] = useState(false);
  if (!person) return null;
  const send = async (helpful: boolean) => {
    setAnswer(helpful);
    const response = await rate.run({ input: { pageId, helpful, comment: comment || null } });
    setSent(response.errors.length === 0);
  };
  return (
    <section className="manual-feedback" aria-label="Feedback">
      <p>Was this page helpful?</p>
      <label>
        Comment (optional)
        <input
          type="text"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={2000}
        />
      </label>
      <button
        type="button"
        className="button button-small"
        aria-pressed={answer === true}
        onClick={() => send(true)}
      >
        Yes
      </button>{" "}
      <button
        type="button"
        className="button button-small"
        aria-pressed={answer === false}
        onClick={() => send(false)}
      >
        No
      </button>
      {sent ? <p role="status">Thank you for the feedback.</p> : null}
      <ErrorList errors={rate.errors} />
      {summary ? (
        <p className="card-meta">
          Maintainers: {summary.helpful} found it helpful, {summary.notHelpful} did not.
        </p>
      ) : null}
    </section>
  );
}
