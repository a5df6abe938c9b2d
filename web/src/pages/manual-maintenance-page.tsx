import { ErrorList } from "../components/error-list.js";
import "../components/manual.css";
import { ManualCutReleaseForm } from "../components/manual-cut-release-form.js";
import { type ManualMaintainerView, ManualMaintainersPanel } from "../components/manual-maintainers-panel.js";
import { ManualReleaseStatusForm } from "../components/manual-release-status-form.js";
import { RELEASE_STATUS_LABELS } from "../components/manual-types.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { NotFoundPage } from "./not-found-page.js";

interface Data {
  manual: {
    id: string;
    slug: string;
    title: string;
    viewerCanMaintain: boolean;
    releases: Array<{ id: string; name: string; title: string; status: string; url: string }>;
    maintainers: ManualMaintainerView[];
  } | null;
}

const MAINTENANCE = `query ManualMaintenance($manual: String!) { manual(slug: $manual) { id slug title viewerCanMaintain
  releases { id name title status url }
  maintainers { cooperative { slug name } person { handle name } } } }`;

/**
 * `/manuals/<manual>/maintain`: the manual's releases and maintainers. Everyone sees them; maintainers set
 * statuses and cut releases, stewards add and remove maintainers.
 */
export function ManualMaintenancePage({ manualSlug }: { manualSlug: string }) {
  const { data, errors, loading, reload } = useQuery<Data>(MAINTENANCE, { manual: manualSlug });
  const manual = data?.manual;
  usePageTitle(manual ? `Releases and maintainers – ${manual.title}` : "Releases and maintainers");
  if (loading && !data) return <p className="page">Loading…</p>;
  if (!manual) return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  return (
    <section className="page manual-maintenance">
      <p>
        <Link to={`/manuals/${manual.slug}`}>← {manual.title}</Link>
      </p>
      <h1>Releases and maintainers</h1>
      <ErrorList errors={errors} />
      <section aria-labelledby="manual-releases-heading">
        <h2 id="manual-releases-heading">Releases</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Release</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {manual.releases.map((release) => (
              <tr key={release.id}>
                <td>
                  <Link to={release.url}>{release.name}</Link>
                </td>
                <td>{release.title}</td>
                <td>
                  {manual.viewerCanMaintain ? (
                    <ManualReleaseStatusForm key={release.status} release={release} onChanged={reload} />
                  ) : (
                    (RELEASE_STATUS_LABELS[release.status] ?? release.status)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {manual.viewerCanMaintain ? (
          <>
            <h3>Cut a release</h3>
            <p className="field-hint">
              Copies the current text of every page; later edits of either release do not touch the other.
            </p>
            <ManualCutReleaseForm releases={manual.releases} />
          </>
        ) : null}
      </section>
      <ManualMaintainersPanel manualId={manual.id} maintainers={manual.maintainers} onChanged={reload} />
    </section>
  );
}
