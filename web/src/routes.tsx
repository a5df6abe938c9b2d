import type { ReactNode } from "react";
import { ComingSoon } from "./components/coming-soon.js";
import { matchPath } from "./lib/router.js";
import { AuditLogPage } from "./pages/audit-log-page.js";
import { ClusterAcceptancePage } from "./pages/cluster-acceptance-page.js";
import { ClusterPage } from "./pages/cluster-page.js";
import { ClustersPage } from "./pages/clusters-page.js";
import { BlueprintCatalogPage } from "./pages/blueprint-catalog-page.js";
import { BlueprintComparePage } from "./pages/blueprint-compare-page.js";
import { BlueprintPage } from "./pages/blueprint-page.js";
import { BlueprintPublishPage } from "./pages/blueprint-publish-page.js";
import { BlueprintPublisherPage } from "./pages/blueprint-publisher-page.js";
import { CooperativeDirectoryPage } from "./pages/cooperative-directory-page.js";
import { CooperativePage } from "./pages/cooperative-page.js";
import { DevMailboxPage } from "./pages/dev-mailbox-page.js";
import { ForumNotificationsPage } from "./pages/forum-notifications-page.js";
import { ForumPreferencesPage } from "./pages/forum-preferences-page.js";
import { ForumPage } from "./pages/forum-page.js";
import { ForumReviewPage } from "./pages/forum-review-page.js";
import { ForumTopicPage } from "./pages/forum-topic-page.js";
import { FoundCooperativePage } from "./pages/found-cooperative-page.js";
import { HomePage } from "./pages/home-page.js";
import { InvitationPage } from "./pages/invitation-page.js";
import { LedgerPage } from "./pages/ledger/ledger-page.js";
import { ManualHomePage } from "./pages/manual-home-page.js";
import { ManualMaintenancePage } from "./pages/manual-maintenance-page.js";
import { ManualNewPagePage } from "./pages/manual-new-page-page.js";
import { ManualProposalPage } from "./pages/manual-proposal-page.js";
import { ManualProposalsPage } from "./pages/manual-proposals-page.js";
import { ManualReaderPage } from "./pages/manual-reader-page.js";
import { ManualsPage } from "./pages/manuals-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { NewPlacementPage } from "./pages/placements/new-placement-page.js";
import { PlacementPage } from "./pages/placements/placement-page.js";
import { PlacementsPage } from "./pages/placements/placements-page.js";
import { ProfilePage } from "./pages/profile-page.js";
import { SearchMissesPage } from "./pages/search-misses-page.js";
import { SearchPage } from "./pages/search-page.js";
import { StewardApplicationsPage } from "./pages/steward-applications-page.js";

type Render = (parameters: Record<string, string>, location: string) => ReactNode;

/** Areas other teams are building: each says what it will hold, and shows no invented content. */
const COMING_SOON: Record<string, { title: string; description: string }> = {};

// Order matters: `/cooperatives/new` must win over `/cooperatives/:slug`.
const ROUTES: Array<[string, Render]> = [
  ["/", () => <HomePage />],
  ["/clusters", (_parameters, location) => <ClustersPage location={location} />],
  ["/clusters/:id", ({ id }) => <ClusterPage key={id} id={id} />],
  ["/stewards/clusters", () => <ClusterAcceptancePage />],
  ["/placements", () => <PlacementsPage />],
  ["/placements/new", () => <NewPlacementPage />],
  ["/placements/:id", ({ id }) => <PlacementPage key={id} id={id} />],
  ["/cooperatives", (_parameters, location) => <CooperativeDirectoryPage location={location} />],
  ["/cooperatives/new", () => <FoundCooperativePage />],
  ["/cooperatives/:slug", ({ slug }) => <CooperativePage key={slug} slug={slug} />],
  [
    "/cooperatives/:slug/ledger",
    ({ slug }, location) => <LedgerPage key={slug} slug={slug} location={location} />,
  ],
  ["/stewards/applications", () => <StewardApplicationsPage />],
  ["/stewards/audit", () => <AuditLogPage />],
  ["/profile", () => <ProfilePage />],
  ["/invitations/:secret", ({ secret }) => <InvitationPage key={secret} secret={secret} />],
  ["/search", (_parameters, location) => <SearchPage key={location} location={location} />],
  ["/search/misses", () => <SearchMissesPage />],
  ["/blueprints", (_parameters, location) => <BlueprintCatalogPage location={location} />],
  ["/blueprints/publish", () => <BlueprintPublishPage />],
  ["/blueprints/publishers/:slug", ({ slug }) => <BlueprintPublisherPage key={slug} slug={slug} />],
  ["/blueprints/:name", ({ name }) => <BlueprintPage key={name} name={name} />],
  [
    "/blueprints/:name/versions/:version",
    ({ name, version }) => <BlueprintPage key={`${name}@${version}`} name={name} version={version} />,
  ],
  [
    "/blueprints/:name/compare/:range",
    ({ name, range }) => <BlueprintComparePage key={range} name={name} range={range} />,
  ],
  ["/manuals", () => <ManualsPage />],
  ["/manuals/:manual", ({ manual }) => <ManualHomePage key={manual} manualSlug={manual} />],
  ["/manuals/:manual/proposals", ({ manual }) => <ManualProposalsPage key={manual} manualSlug={manual} />],
  [
    "/manuals/:manual/proposals/new",
    ({ manual }, location) => <ManualNewPagePage key={location} manualSlug={manual} location={location} />,
  ],
  ["/manuals/:manual/proposals/:id", ({ id }) => <ManualProposalPage key={id} proposalId={id} />],
  ["/manuals/:manual/maintain", ({ manual }) => <ManualMaintenancePage key={manual} manualSlug={manual} />],
  [
    "/manuals/:manual/:release",
    ({ manual, release }) => (
      <ManualHomePage key={`${manual}/${release}`} manualSlug={manual} releaseName={release} />
    ),
  ],
  [
    "/manuals/:manual/:release/:chapter",
    ({ manual, release, chapter }, location) => (
      <ManualReaderPage manualSlug={manual} releaseName={release} path={chapter} location={location} />
    ),
  ],
  [
    "/manuals/:manual/:release/:chapter/:page",
    ({ manual, release, chapter, page }, location) => (
      <ManualReaderPage
        manualSlug={manual}
        releaseName={release}
        path={`${chapter}/${page}`}
        location={location}
      />
    ),
  ],
  ["/forum", (_parameters, location) => <ForumPage location={location} />],
  ["/forum/notifications", () => <ForumNotificationsPage />],
  ["/forum/preferences", () => <ForumPreferencesPage />],
  ["/dev/mailbox", () => <DevMailboxPage />],
  ["/forum/review", () => <ForumReviewPage />],
  ["/forum/t/:slug/:id", ({ id }) => <ForumTopicPage key={id} id={id} />],
  // A post's permalink: the same page (same key), opened at that post.
  ["/forum/t/:slug/:id/:number", ({ id, number }) => <ForumTopicPage key={id} id={id} postNumber={number} />],
  ...Object.entries(COMING_SOON).map(([path, page]): [string, Render] => [
    path,
    () => <ComingSoon title={page.title} description={page.description} />,
  ]),
];

/** The page for a location (path and query string). */
export function resolveRoute(location: string): ReactNode {
  for (const [pattern, render] of ROUTES) {
    const parameters = matchPath(pattern, location);
    if (parameters) return render(parameters, location);
  }
  return <NotFoundPage />;
}
