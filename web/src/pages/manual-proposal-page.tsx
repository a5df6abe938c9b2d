import { useState } from "react";
import { ErrorList } from "../components/error-list.js";
import { ManualHtml } from "../components/manual-html.js";
import "../components/manual.css";
import { formatDateTime } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";
import { NotFoundPage } from "./not-found-page.js";

interface Proposal {
  id: string;
  title: string;
  status: string;
  conflict: boolean;
  message: string;
  previewHtml: string;
  brokenLinks: string[];
  createdAt: string;
  author: { id: string; handle: string } | null;
  release: { name: string; manual: { slug: string; title: string; viewerCanMaintain: boolean } };
  page: { path: string; url: string } | null;
  baseRevision: { number: number } | null;
  mergedRevision: { number: number } | null;
  diff: { html: string; added: number; removed: number };
  comments: Array<{ id: string; html: string; createdAt: string; author: { handle: string } | null }>;
}

const PROPOSAL = `query Proposal($id: ID!) { manualProposal(id: $id) { id title status conflict message previewHtml
  brokenLinks createdAt author { id handle } release { name manual { slug title viewerCanMaintain } }
  page { path url } baseRevision { number } mergedRevision { number } diff { html added removed }
  comments { id html createdAt author { handle } } } }`;
const MERGE = `mutation Merge($input: MergeManualProposalInput!) { mergeManualProposal(input: $input) { revision { number } } }`;
const DECLINE = `mutation Decline($input: DeclineManualProposalInput!) { declineManualProposal(input: $input) { proposal { status } } }`;
const COMMENT = `mutation Comment($input: CommentOnManualProposalInput!) { commentOnManualProposal(input: $input) { comment { id } } }`;

/** Reviewing one change proposal: diff, rendered preview, conflict, comments, merge or decline. */
export function ManualProposalPage({ proposalId }: { proposalId: string }) {
  const { person } = useViewer();
  const { data, errors, loading, reload } = useQuery<{ manualProposal: Proposal | null }>(PROPOSAL, {
    id: proposalId,
  });
  const merge = useMutation<unknown>(MERGE);
  const decline = useMutation<unknown>(DECLINE);
  const comment = useMutation<unknown>(COMMENT);
  const [body, setBody] = useState("");
  const proposal = data?.manualProposal;
  usePageTitle(proposal ? `Proposal: ${proposal.title}` : "Change proposal");
  if (loading && !data) return <p className="page">Loading…</p>;
  if (!proposal) return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  const manual = proposal.release.manual;
  const open = proposal.status === "OPEN";
  const after = async (response: { errors: unknown[] }) => {
    if (response.errors.length === 0) reload();
  };
  return (
    <section className="page manual-proposal">
      <p>
        <Link to={`/manuals/${manual.slug}/proposals`}>← Change proposals of {manual.title}</Link>
      </p>
      <h1>{proposal.title}</h1>
      <p className="card-meta">
        {proposal.status} · proposed by @{proposal.author?.handle} on {formatDateTime(proposal.createdAt)} for
        release {proposal.release.name}
        {proposal.page ? (
          <>
            {" "}
            · <Link to={proposal.page.url}>{proposal.page.path}</Link>
          </>
        ) : null}
        {proposal.mergedRevision ? ` · merged as revision ${proposal.mergedRevision.number}` : ""}
      </p>
      {proposal.message ? <p>{proposal.message}</p> : null}
      {proposal.conflict ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>Conflict:</strong> the page changed after this proposal was based on revision{" "}
            {proposal.baseRevision?.number}. Merging would replace those changes; compare with the page's
            history first.
          </p>
        </div>
      ) : null}
      {proposal.brokenLinks.length > 0 ? (
        <div className="notice notice-warning">
          <p>Links that do not resolve in this release: {proposal.brokenLinks.join(", ")}</p>
        </div>
      ) : null}
      <ErrorList errors={[...merge.errors, ...decline.errors, ...comment.errors]} />
      {open && manual.viewerCanMaintain ? (
        <div className="manual-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={merge.pending}
            onClick={async () =>
              after(
                await merge.run({ input: { proposalId: proposal.id, acceptConflict: proposal.conflict } }),
              )
            }
          >
            {proposal.conflict ? "Merge despite the conflict" : "Merge"}
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={decline.pending}
            onClick={async () =>
              after(await decline.run({ input: { proposalId: proposal.id, reason: body || null } }))
            }
          >
            Decline
          </button>
        </div>
      ) : null}
      <h2>
        Changes (+{proposal.diff.added} −{proposal.diff.removed})
      </h2>
      <ManualHtml html={proposal.diff.html} className="manual-diff" />
      <h2>Preview</h2>
      <div className="card">
        <ManualHtml html={proposal.previewHtml} />
      </div>
      <h2>Review</h2>
      <ol className="manual-comments">
        {proposal.comments.map((entry) => (
          <li key={entry.id}>
            <p className="card-meta">
              @{entry.author?.handle} · {formatDateTime(entry.createdAt)}
            </p>
            <ManualHtml html={entry.html} className="manual-comment" />
          </li>
        ))}
      </ol>
      {person && open ? (
        <form
          className="form"
          onSubmit={async (event) => {
            event.preventDefault();
            const response = await comment.run({ input: { proposalId: proposal.id, body } });
            if (response.errors.length === 0) setBody("");
            await after(response);
          }}
        >
          <label>
            Comment
            <textarea value={body} onChange={(event) => setBody(event.target.value)} />
          </label>
          <button type="submit" className="button" disabled={comment.pending || !body.trim()}>
            Comment
          </button>
        </form>
      ) : null}
    </section>
  );
}
