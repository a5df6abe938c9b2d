import { ErrorList } from "../components/error-list.js";
import { ManualFeedback } from "../components/manual-feedback.js";
import { ManualFeedbackList } from "../components/manual-feedback-list.js";
import { ManualHistory } from "../components/manual-history.js";
import { ManualHtml } from "../components/manual-html.js";
import { ManualLayout } from "../components/manual-layout.js";
import { ManualProposalForm } from "../components/manual-proposal-form.js";
import {
  MANUAL_PAGE_QUERY,
  type ManualPageView,
  type ManualReleaseView,
  type ManualView,
} from "../components/manual-types.js";
import { formatDate } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { queryParameter } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";
import { signInHref, useViewer } from "../lib/viewer.js";
import { NotFoundPage } from "./not-found-page.js";

interface Data {
  manual: (ManualView & { release: (ManualReleaseView & { page: ManualPageView | null }) | null }) | null;
}

function TableOfContents({ page }: { page: ManualPageView }) {
  if (page.toc.length === 0) return null;
  return (
    <nav className="manual-toc" aria-label="On this page">
      <p className="card-meta">On this page</p>
      <ol>
        {page.toc.map((entry) => (
          <li key={entry.id} className={`toc-level-${entry.level}`}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * A manual page at its stable URL `/manuals/<manual>/<release>/<chapter>[/<page>]`; `?view=edit` opens the
 * proposal form, `?view=history` the revision history and `?view=feedback` (maintainers) the page feedback.
 */
export function ManualReaderPage({
  manualSlug,
  releaseName,
  path,
  location,
}: {
  manualSlug: string;
  releaseName: string;
  path: string;
  location: string;
}) {
  const view = queryParameter(location, "view");
  const { person } = useViewer();
  const { data, errors, loading } = useQuery<Data>(MANUAL_PAGE_QUERY, {
    manual: manualSlug,
    release: releaseName,
    path,
  });
  const manual = data?.manual;
  const release = manual?.release;
  const page = release?.page;
  usePageTitle(page ? `${page.title} – ${manual?.title} ${release?.name}` : "Manual");
  if (loading && !data) return <p className="page">Loading…</p>;
  if (!manual || !release) return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  if (!page) {
    return (
      <ManualLayout manual={manual} release={release} path={path}>
        <h1>Not in this release</h1>
        <p>
          Release {release.name} has no page at <code>{path}</code>. Start from the{" "}
          <Link to={release.url}>release's home</Link>.
        </p>
      </ManualLayout>
    );
  }
  const base = page.url;
  return (
    <ManualLayout manual={manual} release={release} path={page.path}>
      {page.archived ? (
        <div className="notice notice-info" role="note">
          <p>This page was removed from the manual and is kept for history.</p>
        </div>
      ) : null}
      <div className="manual-actions">
        <Link to={base} aria-current={view === "" ? "page" : undefined}>
          Read
        </Link>
        {person ? (
          <Link to={`${base}?view=edit`} aria-current={view === "edit" ? "page" : undefined}>
            Edit this page
          </Link>
        ) : (
          <a href={signInHref(`${base}?view=edit`)}>Sign in to edit this page</a>
        )}
        <Link to={`${base}?view=history`} aria-current={view === "history" ? "page" : undefined}>
          History
        </Link>
        {manual.viewerCanMaintain ? (
          <Link to={`${base}?view=feedback`} aria-current={view === "feedback" ? "page" : undefined}>
            Feedback
          </Link>
        ) : null}
        {page.currentRevision ? (
          <span className="card-meta">
            Revision {page.currentRevision.number} · {formatDate(page.currentRevision.createdAt)}
          </span>
        ) : null}
      </div>
      {page.openProposals.length > 0 ? (
        <div className="notice notice-info">
          <p>
            Open proposals for this page:{" "}
            {page.openProposals.map((proposal) => (
              <Link key={proposal.id} to={`/manuals/${manual.slug}/proposals/${proposal.id}`}>
                {proposal.title} by @{proposal.author?.handle}{" "}
              </Link>
            ))}
          </p>
        </div>
      ) : null}
      {view === "edit" && person ? <ManualProposalForm manualSlug={manual.slug} page={page} /> : null}
      {view === "history" ? (
        <ManualHistory
          manualSlug={manual.slug}
          releaseName={release.name}
          path={page.path}
          canMaintain={manual.viewerCanMaintain}
        />
      ) : null}
      {view === "feedback" ? (
        <ManualFeedbackList manualSlug={manual.slug} releaseName={release.name} path={page.path} />
      ) : null}
      {view !== "edit" && view !== "history" && view !== "feedback" ? (
        <div className="manual-article">
          <article>
            <ManualHtml html={page.html} />
            {page.backlinks.length > 0 ? (
              <section className="manual-backlinks" aria-label="Discussed in the forum">
                <h2>Discussed in the forum</h2>
                <ul>
                  {page.backlinks.map((topic) => (
                    <li key={topic.id}>
                      <Link to={topic.path}>{topic.title}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <ManualFeedback
              key={page.id}
              pageId={page.id}
              given={page.viewerFeedback}
              summary={page.feedbackSummary}
            />
          </article>
          <TableOfContents page={page} />
        </div>
      ) : null}
    </ManualLayout>
  );
}
