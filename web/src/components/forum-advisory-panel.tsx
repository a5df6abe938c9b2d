import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

/** An advisory's acknowledgements as the topic page shows them. */
export interface ForumAdvisoryData {
  acknowledgedCount: number;
  acknowledgements: Array<{ cooperative: { name: string } | null; acknowledgedAt: string }>;
  pendingCooperatives: Array<{ id: string; name: string }> | null;
  viewerPendingCooperatives: Array<{ id: string; name: string }>;
}

export const ADVISORY_FIELDS = `advisory { acknowledgedCount acknowledgements { cooperative { name } acknowledgedAt }
  pendingCooperatives { id name } viewerPendingCooperatives { id name } }`;

const ACKNOWLEDGE = `mutation Acknowledge($input: AcknowledgeForumAdvisoryInput!) {
  acknowledgeForumAdvisory(input: $input) { topic { id } } }`;

/** Acknowledge buttons for the viewer's cooperatives; stewards also see which cooperatives have not acknowledged. */
export function ForumAdvisoryPanel({
  topicId,
  advisory,
  onChange,
}: {
  topicId: string;
  advisory: ForumAdvisoryData;
  onChange: () => void;
}) {
  const acknowledge = useMutation(ACKNOWLEDGE);
  const run = async (cooperativeId: string) => {
    const response = await acknowledge.run({ input: { topicId, cooperativeId } });
    if (response.errors.length === 0) onChange();
  };
  return (
    <section className="panel stack" aria-label="Advisory acknowledgements">
      <h2>Acknowledgements</h2>
      <p>{advisory.acknowledgedCount} cooperatives have acknowledged this advisory.</p>
      <div className="actions">
        {advisory.viewerPendingCooperatives.map((cooperative) => (
          <button
            key={cooperative.id}
            type="button"
            className="button button-primary"
            onClick={() => run(cooperative.id)}
          >
            Acknowledge for {cooperative.name}
          </button>
        ))}
      </div>
      {advisory.pendingCooperatives ? (
        <>
          <h3>Not acknowledged yet</h3>
          <ul>
            {advisory.pendingCooperatives.map((cooperative) => (
              <li key={cooperative.id}>{cooperative.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorList errors={acknowledge.errors} />
    </section>
  );
}
