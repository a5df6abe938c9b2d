import type { ReactNode } from "react";
import { ComingSoon } from "./components/coming-soon.js";
import { matchPath } from "./lib/router.js";
import { AuditLogPage } from "./pages/audit-log-page.js";
import { CooperativeDirectoryPage } from "./pages/cooperative-directory-page.js";
import { CooperativePage } from "./pages/cooperative-page.js";
import { FoundCooperativePage } from "./pages/found-cooperative-page.js";
import { HomePage } from "./pages/home-page.js";
import { InvitationPage } from "./pages/invitation-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { ProfilePage } from "./pages/profile-page.js";
import { StewardApplicationsPage } from "./pages/steward-applications-page.js";

type Render = (parameters: Record<string, string>, location: string) => ReactNode;

/** Areas other teams are building: each says what it will hold, and shows no invented content. */
const COMING_SOON: Record<string, { title: string; description: string }> = {
  "/forum": {
    title: "Forum",
    description:
      "Discussions between the cooperatives: questions, incident reports and decisions, with moderation.",
  },
  "/manuals": {
    title: "Manuals",
    description:
      "Versioned manuals of the alliance's stack (kubeadm, MetalLB, OpenEBS, Rancher, Helm, Odoo), one per release.",
  },
  "/blueprints": {
    title: "Blueprints",
    description:
      "Reviewed cluster blueprints you can render with your own parameters and apply to a member cluster.",
  },
  "/clusters": {
    title: "Clusters",
    description:
      "The member clusters of your cooperatives, their health and the workloads the alliance places on them.",
  },
  "/search": {
    title: "Search",
    description: "One search across the forum, manuals, blueprints and cooperatives.",
  },
};

// Order matters: `/cooperatives/new` must win over `/cooperatives/:slug`.
const ROUTES: Array<[string, Render]> = [
  ["/", () => <HomePage />],
  ["/cooperatives", (_parameters, location) => <CooperativeDirectoryPage location={location} />],
  ["/cooperatives/new", () => <FoundCooperativePage />],
  ["/cooperatives/:slug", ({ slug }) => <CooperativePage key={slug} slug={slug} />],
  ["/stewards/applications", () => <StewardApplicationsPage />],
  ["/stewards/audit", () => <AuditLogPage />],
  ["/profile", () => <ProfilePage />],
  ["/invitations/:secret", ({ secret }) => <InvitationPage key={secret} secret={secret} />],
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
