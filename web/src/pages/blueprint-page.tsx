import { BlueprintBadges } from "../components/blueprint-badges.js";
import { BlueprintRenderPanel } from "../components/blueprint-render-panel.js";
import { BlueprintYankForm } from "../components/blueprint-yank-form.js";
import { BLUEPRINT_PAGE_QUERY, type BlueprintVersionDetails } from "../components/blueprint-types.js";
import { ErrorList } from "../components/error-list.js";
import { formatDate } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { NotFoundPage } from "./not-found-page.js";

interface PageData {
  blueprint: {
    id: string;
    name: string;
    title: string;
    kind: string;
    category: string;
    keywords: string[];
    deprecated: boolean;
    verified: boolean;
    downloadCount: number;
    runningOn: number;
    publisher: { official: boolean; name: string; cooperative: { slug: string } | null };
    versions: Array<{
      version: string;
      yanked: boolean;
      prerelease: boolean;
      createdAt: string;
      downloadCount: number;
      runningOn: number;
    }>;
    latestVersion?: BlueprintVersionDetails | null;
  } | null;
  blueprintVersion?: BlueprintVersionDetails | null;
}

/** "1 member cluster", "3 member clusters". */
function clusters(count: number): string {
  return `${count} member cluster${count === 1 ? "" : "s"}`;
}

/** An all-zero digest: a placeholder a blueprint declares until the real one can be fetched. */
const isPlaceholder = (digest: string) => /^sha256:0{64}$/.test(digest);

function Commands({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <pre className="code-block">
        <code>{lines.join("\n")}</code>
      </pre>
    </>
  );
}

/** A blueprint page: README, versions, changelog, parameters form, install commands, digests and downloads. */
export function BlueprintPage({ name, version }: { name: string; version?: string }) {
  const { data, errors, loading, reload } = useQuery<PageData>(BLUEPRINT_PAGE_QUERY, {
    name,
    version: version ?? "",
    latest: !version,
  });
  const blueprint = data?.blueprint;
  const details = version ? data?.blueprintVersion : blueprint?.latestVersion;
  usePageTitle(blueprint ? `${blueprint.title} – Blueprints` : "Blueprint");
  if (loading && !data) return <p className="page">Loading…</p>;
  if (!loading && (!blueprint || !details))
    return errors.length ? <ErrorList errors={errors} /> : <NotFoundPage />;
  if (!blueprint || !details) return null;
  const previous = blueprint.versions.find((candidate) => candidate.version !== details.version);
  const placeholders = details.components.filter((component) => !component.digestVerified).length;
  const example = details.examples.find((candidate) => candidate.name === "defaults")?.values ?? {};

  return (
    <div className="page blueprint-page">
      <p>
        <Link to="/blueprints">← All blueprints</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>{details.title}</h1>
          <p className="lead">{details.description}</p>
          <p className="card-meta">
            <code>{blueprint.name}</code> {details.version} ·{" "}
            {blueprint.kind === "CLUSTER_BLUEPRINT" ? "Cluster blueprint" : "App blueprint"} ·{" "}
            {details.license} · Kubernetes {details.compatibility.kubernetes} · published by{" "}
            <Link to={`/blueprints/publishers/${blueprint.publisher.cooperative?.slug ?? "alliance"}`}>
              {blueprint.publisher.name}
            </Link>
          </p>
          <BlueprintBadges
            facts={{
              official: blueprint.publisher.official,
              deprecated: details.deprecated,
              yanked: details.yanked,
              prerelease: details.prerelease,
              containsSecurityUpdates: details.containsSecurityUpdates,
              signature: details.signature,
            }}
          />
        </div>
      </div>
      {details.yanked ? (
        <p className="notice notice-danger">
          This version is yanked: {details.yankReason}. Use a newer version.
        </p>
      ) : null}
      {details.deprecated && details.replacedBy ? (
        <p className="notice notice-warning">
          Deprecated: use <Link to={`/blueprints/${details.replacedBy}`}>{details.replacedBy}</Link> instead.
        </p>
      ) : null}

      <section className="panel" aria-labelledby="download-heading">
        <h2 id="download-heading">Download and verify</h2>
        <p>
          The source and content digests below are computed by this hub from the stored bytes at publish time
          and are what every download is checked against.
        </p>
        <p>
          <a className="button button-primary" href={details.downloadPath} download>
            Download source ({Math.ceil(details.sizeBytes / 1024)} KiB)
          </a>{" "}
          {details.downloadCount} downloads of this version, {blueprint.downloadCount} of all versions.
        </p>
        <p data-testid="running-on">
          Running on {clusters(details.runningOn)} (this version), {clusters(blueprint.runningOn)} (any
          version), as their agents report: label what a blueprint installs (pods or namespace) with{" "}
          <code>blueprint.alliance-hub/name</code> and <code>blueprint.alliance-hub/version</code>.
        </p>
        <dl className="facts">
          <dt>Source digest</dt>
          <dd>
            <code data-testid="source-digest">{details.digest}</code>
          </dd>
          <dt>Content digest (signed)</dt>
          <dd>
            <code>{details.contentDigest}</code>
          </dd>
          <dt>Signature</dt>
          <dd data-testid="signature-fact">
            {details.signature.status === "INVALID"
              ? "Signature invalid"
              : details.signature.signed
                ? "Signed"
                : blueprint.publisher.official
                  ? "Not signed: official alliance content, reviewed in the alliance's repository"
                  : "Not signed"}
            {details.signature.signed
              ? details.signature.verifiedAgainstKeyring
                ? ", verified against the alliance keyring"
                : ", key not in the alliance keyring"
              : ""}
            {details.signature.problem ? ` (${details.signature.problem})` : ""}
          </dd>
        </dl>
      </section>

      {details.viewerCanYank ? (
        <BlueprintYankForm name={blueprint.name} version={details.version} onYanked={reload} />
      ) : null}

      <BlueprintRenderPanel
        key={details.id}
        name={blueprint.name}
        version={details.version}
        schema={details.parameterSchema}
        example={example}
      />

      <section className="panel" aria-labelledby="install-heading">
        <h2 id="install-heading">Install</h2>
        <Commands title="Download and check" lines={details.installInstructions.download} />
        <Commands title="Render with your values.json" lines={details.installInstructions.render} />
        <Commands title="Apply" lines={details.installInstructions.kubectl} />
        <Commands title="Helm" lines={details.installInstructions.helm} />
      </section>

      <section className="panel" aria-labelledby="readme-heading">
        <h2 id="readme-heading">README</h2>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered once at publish time by the hub's Markdown pipeline (raw HTML off, allowlist sanitiser) */}
        <div className="markdown" dangerouslySetInnerHTML={{ __html: details.readmeHtml }} />
      </section>

      <section className="panel" aria-labelledby="changelog-heading">
        <h2 id="changelog-heading">Changelog of {details.version}</h2>
        <ul>
          {details.changelog.map((change) => (
            <li key={`${change.kind}-${change.description}`}>
              <span className="badge badge-neutral">{change.kind.toLowerCase()}</span> {change.description}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="components-heading">
        <h2 id="components-heading">Pinned components</h2>
        {placeholders > 0 ? (
          <p className="notice notice-warning" data-testid="placeholder-digests">
            {placeholders === details.components.length ? "The" : `${placeholders} of the`} component digests
            below are unverified placeholders: they are declared by the blueprint, not computed by the hub,
            and await the release steward's check against the published artifacts. Verify what you install
            yourself.
          </p>
        ) : null}
        <table>
          <thead>
            <tr>
              <th>Component</th>
              <th>Kind</th>
              <th>Version</th>
              <th>Digest</th>
            </tr>
          </thead>
          <tbody>
            {details.components.map((component) => (
              <tr key={component.name}>
                <td>{component.name}</td>
                <td>{component.kind}</td>
                <td>{component.version}</td>
                <td>
                  <code>{component.digest.slice(0, 19)}…</code>{" "}
                  {component.digestVerified
                    ? "checked by the release steward"
                    : isPlaceholder(component.digest)
                      ? "placeholder, unverified"
                      : "unverified"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ul>
          {blueprint.versions.map((entry) => (
            <li key={entry.version}>
              <Link to={`/blueprints/${blueprint.name}/versions/${entry.version}`}>{entry.version}</Link> ·{" "}
              {formatDate(entry.createdAt)} · {entry.downloadCount} downloads · running on{" "}
              {clusters(entry.runningOn)}
              {entry.prerelease ? " · prerelease" : ""}
            </li>
          ))}
        </ul>
        {previous ? (
          <p>
            <Link to={`/blueprints/${blueprint.name}/compare/${previous.version}...${details.version}`}>
              Compare {previous.version} with {details.version}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
