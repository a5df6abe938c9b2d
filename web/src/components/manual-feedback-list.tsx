import { formatDateTime } from "../lib/format.js";
import { useQuery } from "../lib/use-query.js";
import { ErrorList } from "./error-list.js";

interface FeedbackEntry {
  id: string;
  helpful: boolean;
  comment: string | null;
  createdAt: string;
  person: { handle: string } | null;
}

interface Data {
  manual: {
    release: {
      page: {
        feedbackSummary: { helpful: number; notHelpful: number } | null;
        feedback: { totalCount: number; edges: Array<{ node: FeedbackEntry }> } | null;
      } | null;
    } | null;
  } | null;
}

const FEEDBACK = `query ManualPageFeedback($manual: String!, $release: String!, $path: String!) {
  manual(slug: $manual) { release(name: $release) { page(path: $path) {
    feedbackSummary { helpful notHelpful }
    feedback(first: 100) { totalCount edges { node { id helpful comment createdAt person { handle } } } } } } } }`;

/** "Was this helpful?" answers on one page with their comments, newest first; only maintainers get them. */
export function ManualFeedbackList({
  manualSlug,
  releaseName,
  path,
}: {
  manualSlug: string;
  releaseName: string;
  path: string;
}) {
  const { data, errors, loading } = useQuery<Data>(FEEDBACK, {
    manual: manualSlug,
    release: releaseName,
    path,
  });
  const page = data?.manual?.release?.page;
  if (loading && !data) return <p>Loading…</p>;
  if (!page?.feedback) {
    return errors.length ? (
      <ErrorList errors={errors} />
    ) : (
      <p className="notice notice-info">Page feedback is shown to the manual's maintainers.</p>
    );
  }
  return (
    <section className="manual-feedback-list" aria-labelledby="manual-feedback-heading">
      <h2 id="manual-feedback-heading">Feedback on this page</h2>
      {page.feedbackSummary ? (
        <p>
          {page.feedbackSummary.helpful} found it helpful, {page.feedbackSummary.notHelpful} did not.
        </p>
      ) : null}
      {page.feedback.totalCount === 0 ? <p>No answers yet.</p> : null}
      <ul>
        {page.feedback.edges.map(({ node }) => (
          <li key={node.id}>
            <strong>{node.helpful ? "Helpful" : "Not helpful"}</strong>{" "}
            <span className="card-meta">
              @{node.person?.handle ?? "former member"} · {formatDateTime(node.createdAt)}
            </span>
            {node.comment ? <blockquote>{node.comment}</blockquote> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
