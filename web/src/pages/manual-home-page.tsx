import { ErrorList } from "../components/error-list.js";
import { ManualLayout } from "../components/manual-layout.js";
import { MANUAL_RELEASE_QUERY, type ManualReleaseView, type ManualView } from "../components/manual-types.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { NotFoundPage } from "./not-found-page.js";

interface Data {
  manual: (ManualView & { release: ManualReleaseView | null }) | null;
}

/** A manual's home for one release (the current one without a name): chapters and the version matrix. */
export function ManualHomePage({ manualSlug, releaseName }: { manualSlug: string; releaseName?: string }) {
  const { data, errors, loading } = useQuery<Data>(MANUAL_RELEASE_QUERY, {
    manual: manualSlug,
    release: releaseName ?? null,
  });
  const manual = data?.manual;
  const release = manual?.release;
  usePageTitle(manual ? `${manual.title}${release ? ` ${release.name}` : ""}` : "Manual");
  if (loading && !data) return <p className="page">Loading…</p>;
  if (!manual || !release) return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  return (
    <ManualLayout manual={manual} release={release}>
      <h1>{release.title}</h1>
      <p className="lead">{manual.summary}</p>
      <h2>Chapters</h2>
      <ol className="manual-chapter-list">
        {release.chapters.map((chapter) => (
          <li key={chapter.id}>
            <Link to={chapter.pages[0]?.url ?? release.url}>{chapter.title}</Link>
            <p>{chapter.summary}</p>
          </li>
        ))}
      </ol>
      <h2>Versions in this release</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {release.versions.map((entry) => (
            <tr key={entry.component}>
              <td>{entry.component}</td>
              <td>{entry.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ManualLayout>
  );
}
