import { BlueprintBadges } from "../components/blueprint-badges.js";
import {
  PUBLISHER_QUERY,
  type PublisherData,
  type PublisherKey,
} from "../components/blueprint-publisher-types.js";
import { ErrorList } from "../components/error-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { NotFoundPage } from "./not-found-page.js";

/** "1 download", "3 downloads". */
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function KeyTable({ keys, showOwner }: { keys: PublisherKey[]; showOwner: boolean }) {
  if (keys.length === 0) return <p className="empty">No signing keys registered.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Key</th>
          {showOwner ? <th>Cooperative</th> : null}
          <th>Fingerprint (sha256)</th>
          <th>Alliance keyring</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <td>{key.name}</td>
            {showOwner ? <td>{key.cooperative?.name ?? ""}</td> : null}
            <td>
              <code>{key.fingerprint}</code>
            </td>
            <td>{key.revokedAt ? "Revoked" : key.trusted ? "In the keyring" : "Not in the keyring"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A publisher's page (`/blueprints/publishers/<slug>`, "alliance" for official content): its live blueprints with
 * the latest version, signature badge, downloads and running-on counts, and its signing keys with their keyring
 * state.
 */
export function BlueprintPublisherPage({ slug }: { slug: string }) {
  const official = slug === "alliance";
  const { data, errors, loading } = useQuery<PublisherData>(PUBLISHER_QUERY, { slug, official });
  const name = official ? "The Alliance" : data?.cooperative?.name;
  usePageTitle(name ? `${name} – Blueprint publisher` : "Blueprint publisher");
  if (loading && !data) return <p className="page">Loading…</p>;
  if (!official && !data?.cooperative)
    return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  const blueprints = data?.blueprints;
  const keys = (official ? data?.blueprintKeyring : data?.cooperative?.blueprintSigningKeys) ?? [];
  return (
    <div className="page">
      <p>
        <Link to="/blueprints">← All blueprints</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>{name}</h1>
          <p className="lead">
            {official
              ? "Official blueprints from the alliance's repository. Official content is reviewed there and not signed."
              : "Blueprints this cooperative publishes, signed with the keys below."}
          </p>
          {official ? null : (
            <p>
              <Link to={`/cooperatives/${slug}`}>Cooperative profile</Link> ·{" "}
              <Link to={`/blueprints?publisher=${slug}`}>In the catalog</Link>
            </p>
          )}
        </div>
      </div>
      <ErrorList errors={errors} />
      <section className="panel" aria-labelledby="publisher-blueprints-heading">
        <h2 id="publisher-blueprints-heading">Blueprints ({blueprints?.totalCount ?? 0})</h2>
        {blueprints?.edges.length ? null : <p className="empty">No published blueprints yet.</p>}
        <div className="card-grid">
          {blueprints?.edges.map(({ node }) => (
            <article key={node.id} className="card" data-testid={`publisher-blueprint-${node.name}`}>
              <h3 className="card-title">
                <Link to={`/blueprints/${node.name}`}>{node.title}</Link>
              </h3>
              <p className="card-meta">
                <code>{node.name}</code>{" "}
                {node.latestVersion ? `latest v${node.latestVersion.version}` : "no version"} ·{" "}
                {node.kind === "CLUSTER_BLUEPRINT" ? "Cluster" : "App"}
              </p>
              <BlueprintBadges
                facts={{
                  official: node.publisher.official,
                  verified: node.verified,
                  deprecated: node.deprecated,
                  prerelease: node.latestVersion?.prerelease,
                  signature: node.latestVersion?.signature,
                }}
              />
              <p>{node.description}</p>
              <p className="card-meta">
                {plural(node.downloadCount, "download")} · running on{" "}
                {plural(node.runningOn, "member cluster")}
              </p>
            </article>
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="publisher-keys-heading">
        <h2 id="publisher-keys-heading">{official ? "The alliance keyring" : "Signing keys"}</h2>
        <p>
          {official
            ? "Keys the stewards trust. A cooperative's version signed with one of them shows a verified signature."
            : "A version signed with a key in the alliance keyring shows a verified signature; with another registered key it shows signed, not verified."}
        </p>
        <KeyTable keys={keys} showOwner={official} />
      </section>
    </div>
  );
}
