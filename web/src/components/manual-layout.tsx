import type { ReactNode } from "react";
import { Link } from "../lib/link.js";
import { navigate } from "../lib/router.js";
import "./manual.css";
import { type ManualReleaseView, type ManualView, RELEASE_STATUS_LABELS } from "./manual-types.js";

/** The release switcher: goes to the same page in the chosen release (its home when the page is missing there). */
function ReleaseSwitcher({
  manual,
  release,
  path,
}: {
  manual: ManualView;
  release: ManualReleaseView;
  path?: string;
}) {
  return (
    <label className="manual-release-switcher">
      <span>Release</span>
      <select
        value={release.name}
        onChange={(event) =>
          navigate(`/manuals/${manual.slug}/${event.target.value}${path ? `/${path}` : ""}`)
        }
      >
        {manual.releases.map((entry) => (
          <option key={entry.name} value={entry.name}>
            {entry.name} ({RELEASE_STATUS_LABELS[entry.status] ?? entry.status})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The status banner of any release that is not the current one. */
export function ManualBanner({ release }: { release: ManualReleaseView }) {
  if (!release.banner) return null;
  return (
    <div
      className={`notice notice-warning manual-banner manual-banner-${release.status.toLowerCase()}`}
      role="note"
    >
      <p>
        <strong>{RELEASE_STATUS_LABELS[release.status] ?? release.status} release.</strong> {release.banner}
      </p>
    </div>
  );
}

function Sidebar({ release, currentPath }: { release: ManualReleaseView; currentPath?: string }) {
  return (
    <nav className="manual-sidebar" aria-label="Manual chapters">
      <ol>
        {release.chapters.map((chapter) => (
          <li key={chapter.id}>
            {chapter.pages.map((page) => (
              <Link
                key={page.id}
                to={page.url}
                className={page.slug === "index" ? "manual-sidebar-chapter" : "manual-sidebar-page"}
                aria-current={page.path === currentPath ? "page" : undefined}
              >
                {page.slug === "index" ? chapter.title : page.title}
              </Link>
            ))}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Header (manual, release switcher, banner), sidebar and content of every manual screen. */
export function ManualLayout({
  manual,
  release,
  path,
  children,
}: {
  manual: ManualView;
  release: ManualReleaseView;
  path?: string;
  children: ReactNode;
}) {
  return (
    <div className="page manual-layout">
      <div className="manual-header">
        <p className="manual-title">
          <Link to={`/manuals/${manual.slug}`}>{manual.title}</Link>
        </p>
        <ReleaseSwitcher manual={manual} release={release} path={path} />
        <Link to={`/manuals/${manual.slug}/proposals`}>Change proposals</Link>
        <Link to={`/manuals/${manual.slug}/proposals/new?release=${encodeURIComponent(release.name)}`}>
          Propose a new page
        </Link>
        <Link to={`/manuals/${manual.slug}/maintain`}>Releases and maintainers</Link>
      </div>
      <ManualBanner release={release} />
      <div className="manual-columns">
        <Sidebar release={release} currentPath={path} />
        <div className="manual-main">{children}</div>
      </div>
    </div>
  );
}
