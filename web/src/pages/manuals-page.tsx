import { ErrorList } from "../components/error-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useViewer } from "../lib/viewer.js";
import { useQuery } from "../lib/use-query.js";

interface ManualsData {
  manuals: {
    edges: Array<{
      node: {
        slug: string;
        title: string;
        summary: string;
        viewerCanMaintain: boolean;
        releases: Array<{ name: string; status: string }>;
      };
    }>;
  };
}

/** Every manual of the alliance. */
export function ManualsPage() {
  usePageTitle("Manuals");
  const { data, errors, loading } = useQuery<ManualsData>(
    `query Manuals { manuals(first: 50) { edges { node { slug title summary viewerCanMaintain releases { name status } } } } }`,
  );
  const { person } = useViewer();
  // The miss log is for whoever curates: maintainers of a manual, moderators and stewards (as the API allows).
  const curates =
    (data?.manuals.edges.some(({ node }) => node.viewerCanMaintain) ?? false) ||
    (person?.hubRoles.some((role) => role === "STEWARD" || role === "MODERATOR") ?? false);
  return (
    <section className="page">
      <h1>Manuals</h1>
      <p className="lead">
        Versioned manuals of the alliance's stack, one per release, improved by every cooperative.
      </p>
      <ErrorList errors={errors} />
      {curates ? (
        <p>
          <Link to="/search/misses">Searches that found nothing</Link>: what readers looked for in vain.
        </p>
      ) : null}
      {loading && !data ? <p>Loading…</p> : null}
      <div className="card-grid">
        {data?.manuals.edges.map(({ node }) => (
          <article className="card" key={node.slug}>
            <h2 className="card-title">
              <Link to={`/manuals/${node.slug}`}>{node.title}</Link>
            </h2>
            <p className="card-text">{node.summary}</p>
            <p className="card-meta">Releases: {node.releases.map((release) => release.name).join(", ")}</p>
          </article>
        ))}
      </div>
    </section>
  );
}
