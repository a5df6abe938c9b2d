import { useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

/** A decision as the topic page shows it. */
export interface ForumDecisionData {
  options: string[];
  quorum: number;
  closesAt: string;
  closed: boolean;
  votesCast: number;
  quorumReached: boolean;
  outcome: string | null;
  results: Array<{ option: string; votes: number }>;
  viewerVotableCooperatives: Array<{ id: string; name: string }>;
}

export const DECISION_FIELDS = `decision { options quorum closesAt closed votesCast quorumReached outcome
  results { option votes } viewerVotableCooperatives { id name } }`;

const VOTE = `mutation Vote($input: CastForumDecisionVoteInput!) { castForumDecisionVote(input: $input) { topic { id } } }`;

/** Results of a cooperative decision and, for admins of cooperatives that may still vote, the ballot. */
export function ForumDecisionPanel({
  topicId,
  decision,
  onChange,
}: {
  topicId: string;
  decision: ForumDecisionData;
  onChange: () => void;
}) {
  const [choice, setChoice] = useState(0);
  const vote = useMutation(VOTE);
  const cast = async (cooperativeId: string) => {
    const response = await vote.run({ input: { topicId, cooperativeId, option: choice } });
    if (response.errors.length === 0) onChange();
  };
  return (
    <section className="panel stack" aria-label="Decision">
      <h2>Decision</h2>
      <p>
        {decision.closed ? "Closed" : `Open until ${new Date(decision.closesAt).toLocaleString()}`} ·{" "}
        {decision.votesCast} of {decision.quorum} cooperatives needed have voted
        {decision.quorumReached ? " (quorum reached)" : ""}.
      </p>
      <ul>
        {decision.results.map((result) => (
          <li key={result.option}>
            {result.option}: {result.votes} {result.votes === 1 ? "vote" : "votes"}
          </li>
        ))}
      </ul>
      {decision.closed ? (
        <p className="notice notice-info">Outcome: {decision.outcome ?? "no decision"}</p>
      ) : null}
      {decision.viewerVotableCooperatives.length > 0 ? (
        <fieldset className="stack">
          <legend>Your cooperative's vote</legend>
          {decision.options.map((option, index) => (
            <label key={option}>
              <input
                type="radio"
                name="decision-option"
                checked={choice === index}
                onChange={() => setChoice(index)}
              />{" "}
              {option}
            </label>
          ))}
          <div className="actions">
            {decision.viewerVotableCooperatives.map((cooperative) => (
              <button
                key={cooperative.id}
                type="button"
                className="button button-primary"
                onClick={() => cast(cooperative.id)}
              >
                Vote for {cooperative.name}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      <ErrorList errors={vote.errors} />
    </section>
  );
}
