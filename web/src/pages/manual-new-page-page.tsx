import { ErrorList } from "../components/error-list.js";
import { ManualLayout } from "../components/manual-layout.js";
import { ManualNewPageForm } from "../components/manual-new-page-form.js";
import { MANUAL_RELEASE_QUERY, type ManualReleaseView, type ManualView } from "../components/manual-types.js";
import { usePageTitle } from "../lib/page-title.js";
import { queryParameter } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { NotFoundPage } from "./not-found-page.js";

interface Data {
  manual: (ManualView & { release: ManualReleaseView | null }) | null;
}

/** `/manuals/<manual>/proposals/new?release=<name>&chapter=<slug>`: any member proposes a new page. */
export function ManualNewPagePage({ manualSlug, location }: { manualSlug: string; location: string }) {
  const { person, loading: viewerLoading } = useViewer();
  const releaseName = queryParameter(location, "release") || null;
  const { data, errors, loading } = useQuery<Data>(MANUAL_RELEASE_QUERY, {
    manual: manualSlug,
    release: releaseName,
  });
  const manual = data?.manual;
  const release = manual?.release;
  usePageTitle(manual ? `Propose a new page – ${manual.title}` : "Propose a new page");
  if ((loading && !data) || (viewerLoading && !person)) return <p className="page">Loading…</p>;
  if (!manual || !release) return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  return (
    <ManualLayout manual={manual} release={release}>
      <h1>Propose a new page</h1>
      <p className="lead">
        For release {release.name}. The manual's maintainers review the proposal; once merged the page appears
        in the chapter.
      </p>
      {person ? (
        <ManualNewPageForm
          manualSlug={manual.slug}
          release={release}
          chapterSlug={queryParameter(location, "chapter") || undefined}
        />
      ) : (
        <SignInPrompt action="propose a page" />
      )}
    </ManualLayout>
  );
}
